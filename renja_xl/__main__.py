"""`python -m renja_xl` runs the command line."""

from renja_xl.cli.app import main

if __name__ == "__main__":
    main()
