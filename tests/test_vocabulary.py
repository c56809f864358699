"""The words council exports use for services, stages, procedures, outcomes and columns."""

import pytest

from complaints_report import vocabulary
from complaints_report.loading.mapping import Mapping, load_mapping
from complaints_report.vocabulary import COLUMNS, Vocabulary, key


@pytest.fixture
def words():
    """The contract's vocabularies, without any council mapping."""
    return Mapping().vocabularies()


@pytest.mark.parametrize(
    ("label", "service"),
    [
        ("asc", "asc"),
        ("ASC", "asc"),
        ("Adult Social Care", "asc"),
        ("adult social care", "asc"),
        ("Adults", "asc"),
        ("childrens", "childrens"),
        ("Children's Services", "childrens"),
        ("Children\u2019s Services", "childrens"),  # curly apostrophe, as Word and Outlook type it
        ("CHILDREN'S SERVICES", "childrens"),
        ("Children", "childrens"),
        ("  Childrens  ", "childrens"),
    ],
)
def test_every_service_spelling_in_the_contract_is_understood(words, label, service):
    assert words["service"].get(label) == service


@pytest.mark.parametrize(
    ("label", "outcome"),
    [
        ("upheld", "upheld"),
        ("Upheld", "upheld"),
        ("UPHELD", "upheld"),
        ("partly upheld", "partly_upheld"),
        ("Partly Upheld", "partly_upheld"),
        ("partially upheld", "partly_upheld"),
        ("Partially upheld", "partly_upheld"),
        ("part upheld", "partly_upheld"),
        ("PART UPHELD", "partly_upheld"),
        ("not upheld", "not_upheld"),
        ("Not Upheld", "not_upheld"),
        ("withdrawn", "withdrawn"),
        ("Withdrawn", "withdrawn"),
    ],
)
def test_every_outcome_spelling_in_the_contract_is_understood_in_any_case(words, label, outcome):
    assert words["outcome"].get(label) == outcome


@pytest.mark.parametrize(
    ("label", "procedure"),
    [
        ("statutory", "statutory"),
        ("Statutory", "statutory"),
        ("corporate", "corporate"),
        ("Corporate", "corporate"),
        ("non-statutory", "corporate"),
        ("Non-Statutory", "corporate"),
        ("non statutory", "corporate"),
    ],
)
def test_non_statutory_complaints_follow_the_corporate_procedure(words, label, procedure):
    assert words["procedure"].get(label) == procedure


@pytest.mark.parametrize(("label", "stage"), [("1", 1), ("2", 2), ("3", 3), ("Stage 2", 2), ("stage 3", 3)])
def test_stages_are_1_2_or_3(words, label, stage):
    assert words["stage"].get(label) == stage


@pytest.mark.parametrize(
    ("label", "status"), [("accepted", "accepted"), ("Rejected", "rejected"), ("Not accepted", "rejected")]
)
def test_status_is_accepted_or_rejected(words, label, status):
    assert words["status"].get(label) == status


@pytest.mark.parametrize(
    ("label", "answer"),
    [("yes", True), ("Yes", True), ("Y", True), ("no", False), ("NO", False), ("n", False)],
)
def test_extension_and_publish_are_yes_or_no(words, label, answer):
    assert words["yes/no"].get(label) is answer


@pytest.mark.parametrize(
    ("vocabulary", "label"),
    [
        ("service", "Housing"),
        ("stage", "4"),
        ("procedure", "childrens"),
        ("outcome", "resolved"),
        ("status", "pending"),
        ("finding", "Referred back for local resolution"),
        ("finding", "Fault"),
    ],
)
def test_an_unknown_label_is_not_guessed(words, vocabulary, label):
    assert words[vocabulary].get(label) is None


@pytest.mark.parametrize(
    ("wording", "finding"),
    [
        ("fault found", "fault_found"),
        ("Fault found, remedied by council", "fault_found"),
        ("Upheld", "fault_found"),
        ("Upheld: maladministration and injustice", "fault_found"),
        ("Upheld: fault, no injustice", "fault_found"),
        ("no fault", "no_fault"),
        ("Not upheld: no fault", "no_fault"),
        ("NOT UPHELD", "no_fault"),
        ("Closed after initial enquiries", "closed_after_initial_enquiries"),
        ("Closed after initial enquiries - no fault", "closed_after_initial_enquiries"),
    ],
)
def test_the_ombudsmans_decision_wording_is_read_as_a_finding(words, wording, finding):
    assert words["finding"].get(wording) == finding


def test_a_council_maps_its_own_ombudsman_wording():
    mapping = Mapping(
        values={"finding": {"Referred back for local resolution": "closed after initial enquiries"}}
    )

    assert mapping.vocabularies()["finding"].get("referred back for local resolution") == (
        "closed_after_initial_enquiries"
    )


def test_an_unknown_label_is_answered_with_the_accepted_values_in_the_analysts_words(words):
    assert words["outcome"].accepted() == "upheld, partly upheld, not upheld, withdrawn"
    assert words["yes/no"].accepted() == "yes, no"
    assert words["finding"].accepted() == (
        "fault found, no fault, closed after initial enquiries (or wording that begins 'Not upheld' or 'Upheld')"
    )


@pytest.mark.parametrize(
    ("spelling", "column"),
    [
        ("Received", "received"),
        ("RECEIVED", "received"),
        (" received ", "received"),
        ("Rejection Reason", "rejection_reason"),
        ("rejection-reason", "rejection_reason"),
        ("RejectionReason", "rejection_reason"),
        ("REJECTION_REASON", "rejection_reason"),
        ("Remedy Amount", "remedy_amount"),
    ],
)
def test_column_names_match_ignoring_case_spaces_hyphens_and_underscores(spelling, column):
    assert Mapping().column_lookup()[key(spelling)] == column


def test_every_contract_column_of_every_kind_is_recognised():
    lookup = Mapping().column_lookup()

    for kind, spec in COLUMNS.items():
        for column in spec["required"] + spec["optional"]:
            assert lookup[key(column)] == column, kind


def test_the_complaints_columns_the_contract_requires():
    assert set(COLUMNS["complaints"]["required"]) == {
        "reference",
        "service",
        "stage",
        "received",
        "team",
        "category",
    }


def test_matching_key_ignores_case_spaces_hyphens_underscores_and_apostrophes():
    assert (
        key("Children\u2019s Services")
        == key("childrens_services")
        == key("CHILDRENS-SERVICES")
        == "childrensservices"
    )


# --------------------------------------------------------------------------- mapping.yaml


@pytest.fixture
def council_mapping(tmp_path):
    """A council whose export says 'Case Ref', 'Date Received' and 'Founded'/'Unfounded'."""
    (tmp_path / "mapping.yaml").write_text(
        "columns:\n"
        "  Case Ref: reference\n"
        "  Date Received: received\n"
        "values:\n"
        "  outcome:\n"
        "    Founded: upheld\n"
        "    Partly founded: partly upheld\n"
        "    Unfounded: not upheld\n"
        "  service:\n"
        "    Family Services: childrens\n"
        "  extension:\n"
        "    Agreed: yes\n",
        encoding="utf-8",
    )
    return load_mapping(tmp_path)


def test_without_a_mapping_file_the_contracts_words_are_used(tmp_path):
    mapping = load_mapping(tmp_path)

    assert mapping.columns == {}
    assert mapping.values == {}


def test_mapping_yaml_adds_a_councils_column_names(council_mapping):
    lookup = council_mapping.column_lookup()

    assert lookup[key("Case Ref")] == "reference"
    assert lookup[key("date received")] == "received"
    assert lookup[key("reference")] == "reference"  # the contract's own names still work


def test_mapping_yaml_adds_a_councils_outcome_labels(council_mapping):
    outcomes = council_mapping.vocabularies()["outcome"]

    assert outcomes.get("Founded") == "upheld"
    assert outcomes.get("partly founded") == "partly_upheld"
    assert outcomes.get("UNFOUNDED") == "not_upheld"
    assert outcomes.get("part upheld") == "partly_upheld"  # the contract's own labels still work


def test_mapping_yaml_adds_service_and_yes_no_labels(council_mapping):
    vocabularies = council_mapping.vocabularies()

    assert vocabularies["service"].get("Family Services") == "childrens"
    assert vocabularies["yes/no"].get("agreed") is True


def test_a_mapping_to_a_value_that_does_not_exist_is_refused_with_the_choices():
    mapping = Mapping(values={"outcome": {"Founded": "proven"}})

    with pytest.raises(ValueError, match="'Founded'.*'proven'.*upheld, partly upheld, not upheld, withdrawn"):
        mapping.vocabularies()


def test_a_mapping_for_a_vocabulary_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="'outcomes'"):
        Mapping(values={"outcomes": {"Founded": "upheld"}}).vocabularies()


def test_a_vocabulary_maps_its_canonical_values_to_themselves():
    vocabulary = Vocabulary("colour", {"red": ["scarlet"]})

    assert vocabulary.get("red") == "red"
    assert vocabulary.get("Scarlet") == "red"


def test_explain_lists_every_value_group_with_its_words_and_spellings():
    from complaints_report.vocabulary import VALUE_GROUPS, explain

    text = explain()

    for name, group in VALUE_GROUPS.items():
        vocabulary = group.vocabulary()
        assert f"\n{name}  (" in text, name
        for canonical in group.synonyms:
            assert f"  - {vocabulary.word(canonical)}" in text, (name, canonical)


def test_the_data_contract_documents_every_value_group_and_word():
    from complaints_report import paths
    from complaints_report.vocabulary import VALUE_GROUPS

    doc = (paths.PROJECT_ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")

    for name, group in VALUE_GROUPS.items():
        assert f"`{name}`" in doc, name
        for canonical in group.synonyms:
            assert f"`{group.vocabulary().word(canonical)}`" in doc, (name, canonical)
    assert "validate --explain" in doc


def test_the_export_order_lists_each_kinds_contract_columns_once_each():
    for kind in vocabulary.KINDS:
        assert sorted(vocabulary.EXPORT_COLUMNS[kind]) == sorted(vocabulary.columns_of(kind)), kind
        assert len(set(vocabulary.EXPORT_COLUMNS[kind])) == len(vocabulary.EXPORT_COLUMNS[kind]), kind
