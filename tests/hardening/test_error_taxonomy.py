"""One error hierarchy that the one HTTP mapping knows (issue 17, point 7)."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import emotecare
from emotecare import errors
from emotecare.chat.techniques import UnknownTechniqueError, get_technique
from emotecare.library.resources import ResourceNotFoundError, get_resource
from emotecare.questionnaires.errors import UnknownInstrumentError
from emotecare.questionnaires.instruments import get_instrument

_SKIP = ("emotecare_dev.training", "emotecare_dev.cli", "emotecare_dev.local", "emotecare.vision")


def _domain_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(emotecare.__path__, "emotecare."):
        if info.name.startswith(_SKIP):
            continue
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values()
                  if isinstance(v, type) and issubclass(v, BaseException) and v.__module__ == info.name]
    return found


def test_there_is_one_validation_error_class():
    assert [c for c in _domain_classes() if c.__name__ == "ValidationError"] == [errors.ValidationError]


def test_no_domain_error_is_a_key_error_outside_the_base():
    assert not [c for c in _domain_classes() if issubclass(c, KeyError)]


@pytest.mark.parametrize("error, lookup", [
    (ResourceNotFoundError, lambda: get_resource([], "nope")),
    (UnknownTechniqueError, lambda: get_technique("nope")),
    (UnknownInstrumentError, lambda: get_instrument("nope")),
])
def test_unknown_ids_are_not_found_errors_with_a_message_for_people(error, lookup):
    assert issubclass(error, errors.NotFoundError)
    with pytest.raises(errors.NotFoundError) as raised:
        lookup()
    assert str(raised.value).startswith("no such ") and "'" not in str(raised.value)[:9]


def test_the_spelling_every_area_uses_names_the_field():
    exc = errors.ValidationError("mood: must be from 1 to 10", field="mood")
    assert (str(exc), exc.field) == ("mood: must be from 1 to 10", "mood")


@pytest.mark.stack
def test_a_former_field_first_error_reaches_the_client_as_a_400_naming_the_field(stack, patient):
    response = patient.post("/journal", json={"mood": 11})
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "mood" and "11" in body["error"] and set(body) == {"error", "field"}
