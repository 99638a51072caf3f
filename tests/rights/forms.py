"""What a browser would post back from an admin form, read from the page the admin renders."""

from bs4 import BeautifulSoup


def form_data(html, form_id):
    """The successful controls of form `form_id` with their current values, as a dict of lists."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data = {}
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        if not name or control.has_attr("disabled"):
            continue
        if control.name == "textarea":
            data.setdefault(name, []).append(control.text)
        elif control.name == "select":
            chosen = [
                option.get("value", option.text)
                for option in control.find_all("option")
                if option.has_attr("selected")
            ]
            if not chosen and not control.has_attr("multiple"):
                first = control.find("option")
                chosen = [first.get("value", first.text)] if first else []
            data.setdefault(name, []).extend(chosen)
        else:
            kind = control.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                continue
            if kind in ("checkbox", "radio") and not control.has_attr("checked"):
                continue
            data.setdefault(name, []).append(
                control.get("value", "on" if kind in ("checkbox", "radio") else "")
            )
    return data


def single(data, **changes):
    """`data` with some fields replaced by one value each."""
    result = dict(data)
    for name, value in changes.items():
        result[name] = [value]
    return result
