"""The seeded resources library: content rules, search, filters, admin edits, crisis lines."""
import pytest

from emotecare.library import (TOPICS, ResourceNotFoundError, ValidationError, find_resources_for_topics,
                               get_resource, list_crisis_lines, load_resources, retire_resource,
                               search_resources, update_resource, validate_resource)

REPUTABLE = ("nhs.uk", "nimh.nih.gov", "who.int", "mind.org.uk", "samaritans.org", "988lifeline.org",
             "findahelpline.com", "mohfw.gov.in", "sleepfoundation.org", "cci.health.wa.gov.au", "relate.org.uk",
             "loveisrespect.org", "stayingsafe.net", "getselfhelp.co.uk", "urmc.rochester.edu")


@pytest.fixture(scope="module")
def resources():
    return load_resources()


def test_seed_has_at_least_25_items_of_every_kind(resources):
    assert len(resources) >= 25
    assert {r.type for r in resources} >= {"article", "exercise", "worksheet", "helpline"}
    assert {r.topic for r in resources} == set(TOPICS)


def test_every_seed_item_links_to_a_reputable_source_with_our_own_short_summary(resources):
    for resource in resources:
        assert any(resource.source_url.split("/")[2].endswith(domain) for domain in REPUTABLE), resource.id
        assert 40 <= len(resource.summary) <= 400 and resource.reading_minutes >= 1


def test_text_search_matches_word_prefixes_and_ranks_titles_first(resources):
    ids = [r.id for r in search_resources(resources, "sleep")]
    assert ids[0] == "art-sleep-hygiene" and "art-insomnia-nhs" in ids
    assert [r.id for r in search_resources(resources, "breath")] == ["ex-paced-breathing"]
    assert search_resources(resources, "zzzz nothing") == []


def test_topic_and_type_filters_combine_with_search(resources):
    grief = search_resources(resources, topic="grief")
    assert grief and all(r.topic == "grief" for r in grief)
    lines = search_resources(resources, type="helpline")
    assert {"help-988-us", "help-samaritans", "help-telemanas-in", "help-findahelpline"} <= {r.id for r in lines}
    assert [r.id for r in search_resources(resources, "thought", type="worksheet")] == ["ws-thought-record"]


def test_retired_items_are_hidden_unless_asked_for(resources):
    retired = [retire_resource(resources[0])] + resources[1:]
    assert resources[0].id not in {r.id for r in search_resources(retired)}
    assert resources[0].id in {r.id for r in search_resources(retired, include_retired=True)}


def test_admin_edit_is_revalidated_and_cannot_change_the_id(resources):
    item = get_resource(resources, "ex-paced-breathing")
    assert update_resource(item, {"reading_minutes": 5}).reading_minutes == 5
    with pytest.raises(ValidationError) as info:
        update_resource(item, {"id": "other"})
    assert info.value.field == "id"
    with pytest.raises(ValidationError) as info:
        update_resource(item, {"source_url": "http://example.com"})
    assert info.value.field == "source_url"


@pytest.mark.parametrize("change, field", [({"topic": "astrology"}, "topic"), ({"type": "podcast"}, "type"),
                                           ({"summary": "x" * 401}, "summary"), ({"reading_minutes": 0},
                                                                                 "reading_minutes")])
def test_invalid_admin_input_names_the_field(resources, change, field):
    with pytest.raises(ValidationError) as info:
        validate_resource({**resources[0].to_dict(), **change})
    assert info.value.field == field


def test_unknown_resource_id_is_a_specific_error(resources):
    with pytest.raises(ResourceNotFoundError):
        get_resource(resources, "nope")


def test_crisis_lines_page_puts_the_patients_country_first():
    page = list_crisis_lines("IN")
    assert page["your_country"]["helplines"][0]["phone"].startswith("14416")
    assert "IN" not in {c["country"] for c in page["countries"]}
    assert page["international_directory"]["url"] == "https://findahelpline.com"
    assert list_crisis_lines(None)["your_country"] is None


def test_resources_for_topics_skip_helplines():
    found = find_resources_for_topics(["sleep", "crisis"], limit=10)
    assert found and all(r.type != "helpline" for r in found)
