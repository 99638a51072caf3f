/*
 * The search page, enhanced. Without this script it works as it is: a GET
 * form with checkboxes, and links. With it:
 * ticking a filter, sorting, paging or removing a filter fetches only the
 * part of the page that changes ([data-search-region]) and updates the
 * address with history.replaceState, so it can still be shared.
 * Suggestions while typing come from the site's static/js/autocomplete.js.
 * A form marked data-search-form without a region (the catalogue's filters)
 * is simply submitted when a filter changes.
 */
(function () {
    "use strict";

    var form = document.querySelector("form[data-search-form]");
    if (!form || !window.fetch || !window.URLSearchParams || !window.history.replaceState) {
        return;
    }
    var region = form.querySelector("[data-search-region]");
    document.documentElement.classList.add("search-enhanced");

    function formUrl() {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (value !== "") {
                params.append(name, value);
            }
        });
        var action = form.getAttribute("action") || window.location.pathname;
        var query = params.toString();
        return action + (query ? "?" + query : "");
    }

    var pending = null;

    function update(url) {
        if (!region) {
            window.location.assign(url);
            return;
        }
        if (pending) {
            pending.abort();
        }
        pending = new AbortController();
        var focused = document.activeElement && document.activeElement.id;
        region.setAttribute("aria-busy", "true");
        fetch(url, {
            headers: { "X-Requested-With": "fetch" },
            credentials: "same-origin",
            signal: pending.signal,
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                region.innerHTML = html;
                region.removeAttribute("aria-busy");
                document.dispatchEvent(new CustomEvent("search:updated"));
                window.history.replaceState(null, "", url);
                var again = focused && document.getElementById(focused);
                if (again) {
                    again.focus();
                }
            })
            .catch(function (error) {
                if (error.name !== "AbortError") {
                    window.location.assign(url);
                }
            });
    }

    form.addEventListener("change", function (event) {
        if (event.target.matches("input[type=checkbox]")) {
            update(formUrl());
        }
    });

    form.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-search-link], .pagination a");
        if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        update(link.href);
        if (link.closest(".pagination") && region) {
            region.scrollIntoView({ block: "start" });
        }
    });
})();
