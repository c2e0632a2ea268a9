import pytest
from allauth.account.models import EmailAddress


@pytest.fixture
def verified_citizen(citizen):
    """alice, whose address allauth has verified: what every account that can log in looks like."""
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    return citizen


@pytest.fixture
def verified_outsider(outsider):
    EmailAddress.objects.create(user=outsider, email=outsider.email, verified=True, primary=True)
    return outsider
