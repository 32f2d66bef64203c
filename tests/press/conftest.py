import pytest

from press.models import PressReleasePage, PressRoomPage


@pytest.fixture
def room():
    return PressRoomPage.objects.get(locale__language_code="de")


@pytest.fixture
def release():
    return PressReleasePage.objects.get(slug="k3-startet", locale__language_code="de")
