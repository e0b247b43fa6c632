from __future__ import annotations

from typing import Any

import pytest

from tests.communications.scenario import case_world


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    return case_world()
