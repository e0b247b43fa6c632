"""Screen a JSONL corpus with Microsoft Presidio's pattern recognisers, for comparison.

Presidio runs on a blank spaCy English pipeline (no model is downloaded), so only its pattern
recognisers work. Every UK recogniser it ships is enabled (several are off by default), phone
numbers are parsed for region GB, and a deny-list recogniser is built from the same case register
SafeComms is given, so names are compared like for like. Presidio's entities are mapped to
SafeComms categories; entities with no counterpart are dropped.

    python run_presidio.py BLANK_MODEL_DIR PEOPLE.json IN.jsonl OUT.jsonl
"""

from __future__ import annotations

import json
import sys

import tldextract
from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import (
    NhsRecognizer,
    PhoneRecognizer,
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UkPassportRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

ENTITY_TO_CATEGORY = {
    "PERSON": "person",
    "UK_NHS": "nhs_number",
    "UK_NINO": "ni_number",
    "UK_POSTCODE": "postcode",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "DATE_TIME": "date_of_birth",
}


def _offline_domain_suffixes() -> None:
    """Presidio's e-mail recogniser checks domains with tldextract, which first tries to download
    the public suffix list. There is no network here: use the list tldextract ships with, so the
    run neither waits on nor logs a failed download."""
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())


def build_analyzer(model_dir: str, people: list[dict[str, object]]) -> AnalyzerEngine:
    _offline_domain_suffixes()
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model_dir}],
        }
    )
    nlp_engine = provider.create_engine()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp_engine)
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=("GB", "US")))
    present = {recognizer.name for recognizer in registry.recognizers}
    uk_recognizers = (
        NhsRecognizer(),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(),
        UkDrivingLicenceRecognizer(),
        UkPassportRecognizer(),
        UkVehicleRegistrationRecognizer(),
    )
    for recognizer in uk_recognizers:
        if recognizer.name not in present:
            registry.add_recognizer(recognizer)
    names: set[str] = set()
    for person in people:
        full = str(person["name"])
        names.add(full)
        names.update(full.split())
        names.update(str(alias) for alias in person.get("aliases", []))  # type: ignore[attr-defined]
    registry.add_recognizer(
        PatternRecognizer(supported_entity="PERSON", deny_list=sorted(names), name="CaseRegister")
    )
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def main() -> None:
    model_dir, people_path, source, target = sys.argv[1:5]
    with open(people_path) as people_file:
        people = json.load(people_file)
    analyzer = build_analyzer(model_dir, people)
    with open(source) as records, open(target, "w") as out:
        for line in records:
            record = json.loads(line)
            findings = []
            for result in analyzer.analyze(record["text"], language="en"):
                category = ENTITY_TO_CATEGORY.get(result.entity_type)
                if category:
                    findings.append(
                        {"category": category, "start": result.start, "end": result.end}
                    )
            out.write(json.dumps({"id": record["id"], "findings": findings}) + "\n")


if __name__ == "__main__":
    main()
