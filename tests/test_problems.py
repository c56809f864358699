"""Problems in input files, worded for the analyst who has to fix them."""

from complaints_report.problems import InputError, Problem


def test_a_problem_names_the_file_row_reference_column_and_value():
    problem = Problem(
        "complaints.csv",
        "is not a real calendar date",
        row=7,
        reference="C042",
        column="received",
        value="31/02/2021",
        hint="Write dates as DD/MM/YYYY",
    )

    assert str(problem) == (
        "complaints.csv, row 7, reference C042, column 'received', value '31/02/2021': "
        "is not a real calendar date. Write dates as DD/MM/YYYY"
    )


def test_a_file_level_problem_names_only_the_file():
    problem = Problem("complaints.csv", "is empty or has no header row")

    assert str(problem) == "complaints.csv: is empty or has no header row"


def test_a_missing_column_names_the_header_row_and_the_column_but_no_reference():
    problem = Problem("complaints.csv", "a required column is missing", row=1, column="received")

    assert problem.where() == "complaints.csv, row 1, column 'received'"


def test_a_blank_value_is_still_shown_so_the_analyst_sees_it_is_empty():
    problem = Problem(
        "complaints.csv",
        "is blank but this column is required",
        row=3,
        reference="C1",
        column="team",
        value="",
    )

    assert "value ''" in str(problem)


def test_input_error_lists_every_problem_with_a_count():
    problems = [
        Problem("complaints.csv", "is not a date", row=2, reference="C1", column="received", value="soon"),
        Problem(
            "complaints.csv",
            "is not a known service",
            row=3,
            reference="C2",
            column="service",
            value="Housing",
        ),
    ]

    error = InputError(problems)

    assert error.problems == problems
    assert str(error).splitlines() == [
        "2 problems found in the input files:",
        "  - complaints.csv, row 2, reference C1, column 'received', value 'soon': is not a date",
        "  - complaints.csv, row 3, reference C2, column 'service', value 'Housing': is not a known service",
    ]


def test_one_problem_is_counted_in_the_singular():
    error = InputError([Problem("data", "has no complaints file")])

    assert str(error).startswith("1 problem found in the input files:")
