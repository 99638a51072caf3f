"""The editors' path uses the same member cities, editors and reviewer as the rights tests."""

from tests.rights.conftest import editor_a, editor_b, iom_reviewer, network  # noqa: F401
