"""Issue 12, finding 3: a page takes no image or document from a collection its editor may not use.

Athens' editor posts the real edit form of Athens' own pages, naming
Thessaloniki's image by id, in a new inline row, in an existing one, as the
city's emblem and inside rich text; each is refused at its field and the
page keeps no trace of it. An image the page already had stays, and the
editor's own images are taken as before.
"""

import json

import pytest

from django.urls import reverse

from wagtail.images import get_image_model

from cities.rights.media import NOT_USABLE as MEDIA_NOT_USABLE
from practices.models import PracticeImage, PracticePage
from tests.rights.forms import form_data, single
from tests.security.conftest import in_admin_language

pytestmark = pytest.mark.django_db

NOT_USABLE = in_admin_language(MEDIA_NOT_USABLE["image"])


def edit_form(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode(), "page-edit-form")


def with_image_row(data, image, index=0, row_id=""):
    """`data` with inline image row `index` naming `image`."""
    prefix = f"images-{index}-"
    data = single(
        data,
        **{
            f"{prefix}image": str(image.pk),
            f"{prefix}alt": "Μια εικόνα",
            f"{prefix}caption": "",
            f"{prefix}credit": "",
            f"{prefix}ORDER": str(index + 1),
            f"{prefix}id": str(row_id),
        },
    )
    data["images-TOTAL_FORMS"] = [str(max(index + 1, int(data.get("images-TOTAL_FORMS", ["0"])[0])))]
    return data


def latest_images(page):
    latest = PracticePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return {row.image_id for row in latest.images.all()}


def test_a_new_image_row_with_another_citys_image_is_refused(network, editor_a, login):
    ours, theirs = network["A"].practice, network["B"].image
    client = login(editor_a)
    url, data = edit_form(client, ours)
    before = PracticePage.objects.get(pk=ours.pk).revisions.count()
    response = client.post(url, with_image_row(data, theirs))
    assert response.status_code == 200
    assert NOT_USABLE in response.content.decode()
    assert PracticePage.objects.get(pk=ours.pk).revisions.count() == before
    assert theirs.pk not in latest_images(ours)


def test_an_existing_row_cannot_be_pointed_at_another_citys_image(network, editor_a, login):
    ours = network["A"].practice
    row = PracticeImage(page=ours, image=network["A"].image, alt="Δική μας", sort_order=0)
    row.save()
    ours.save_revision().publish()
    client = login(editor_a)
    url, data = edit_form(client, ours)
    assert data["images-0-image"] == [str(network["A"].image.pk)]
    response = client.post(url, single(data, **{"images-0-image": str(network["B"].image.pk)}))
    assert NOT_USABLE in response.content.decode()
    assert latest_images(ours) == {network["A"].image.pk}


def test_ones_own_image_is_taken_and_an_image_already_there_stays(network, editor_a, login, iom_reviewer):
    ours = network["A"].practice
    # A reviewer illustrated the page with Thessaloniki's image; Athens' editor may still save it.
    reviewer = login(iom_reviewer)
    url, data = edit_form(reviewer, ours)
    response = reviewer.post(url, with_image_row(data, network["B"].image))
    assert response.status_code == 302, response.content.decode()[:500]
    client = login(editor_a)
    url, data = edit_form(client, ours)
    response = client.post(url, with_image_row(data, network["A"].image, index=1))
    assert response.status_code == 302
    assert latest_images(ours) == {network["A"].image.pk, network["B"].image.pk}


def test_a_city_emblem_from_another_city_is_refused(network, editor_a, login):
    city = network["A"].page
    client = login(editor_a)
    url, data = edit_form(client, city)
    response = client.post(url, single(data, emblem=str(network["B"].image.pk)))
    assert NOT_USABLE in response.content.decode()
    latest = type(city).objects.get(pk=city.pk).get_latest_revision_as_object()
    assert latest.emblem_id is None


def test_another_citys_image_never_gets_into_rich_text(network, editor_a, login):
    """The rich text allows no images; an embed posted anyway is refused or dropped, never kept."""
    ours, theirs = network["A"].practice, network["B"].image
    contentstate = {
        "blocks": [
            {"key": "a", "type": "unstyled", "text": "Κείμενο", "entityRanges": [], "inlineStyleRanges": []},
            {
                "key": "b",
                "type": "atomic",
                "text": " ",
                "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
                "inlineStyleRanges": [],
            },
        ],
        "entityMap": {
            "0": {
                "type": "IMAGE",
                "mutability": "IMMUTABLE",
                "data": {"id": theirs.pk, "format": "fullwidth", "alt": "x", "src": "/x.png"},
            }
        },
    }
    client = login(editor_a)
    url, data = edit_form(client, ours)
    client.post(url, single(data, description=json.dumps(contentstate)))
    latest = PracticePage.objects.get(pk=ours.pk).get_latest_revision_as_object()
    assert f'id="{theirs.pk}"' not in latest.description
    assert get_image_model().objects.filter(pk=theirs.pk).exists()
