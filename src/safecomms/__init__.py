"""SafeComms: children's services online safety guidance, made into working software."""

__version__ = "0.1.0"
