"""``python -m complaints_report`` runs the command line."""

from complaints_report.cli import main

if __name__ == "__main__":
    main()
