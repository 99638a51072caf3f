/*
 * The search page, enhanced. Without this script it works as it is: a GET
 * form with checkboxes, and links. With it:
 * - ticking a filter, sorting, paging or removing a filter fetches only the
 *   part of the page that changes ([data-search-region]) and updates the
 *   address with history.replaceState, so it can still be shared;
 * - typing in the search box lists up to eight practices whose words start
 *   with what was typed (/<lang>/search/suggest/).
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

    // Suggestions while typing.
    var input = form.querySelector("input[name=q]");
    var list = document.getElementById("search-suggestions");
    var suggestUrl = form.getAttribute("data-suggest-url");
    if (!input || !list || !suggestUrl) {
        return;
    }
    var timer = null;
    var suggesting = null;

    function hide() {
        list.hidden = true;
        list.textContent = "";
    }

    function render(data) {
        list.textContent = "";
        (data.results || []).forEach(function (item) {
            var entry = document.createElement("li");
            var link = document.createElement("a");
            link.href = item.url;
            link.textContent = item.title;
            if (item.city) {
                var city = document.createElement("span");
                city.className = "search__suggestion-city";
                city.textContent = " — " + item.city;
                link.appendChild(city);
            }
            entry.appendChild(link);
            list.appendChild(entry);
        });
        list.hidden = list.children.length === 0;
    }

    function suggest() {
        var query = input.value.trim();
        if (query.length < 2) {
            hide();
            return;
        }
        if (suggesting) {
            suggesting.abort();
        }
        suggesting = new AbortController();
        fetch(suggestUrl + "?" + new URLSearchParams({ q: query }), {
            credentials: "same-origin",
            signal: suggesting.signal,
        })
            .then(function (response) {
                return response.ok ? response.json() : { results: [] };
            })
            .then(render)
            .catch(function () {});
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(suggest, 200);
    });

    function links() {
        return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" && !list.hidden && links().length) {
            event.preventDefault();
            links()[0].focus();
        } else if (event.key === "Escape") {
            hide();
        }
    });

    list.addEventListener("keydown", function (event) {
        var all = links();
        var index = all.indexOf(document.activeElement);
        if (event.key === "ArrowDown" && index < all.length - 1) {
            event.preventDefault();
            all[index + 1].focus();
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            (index > 0 ? all[index - 1] : input).focus();
        } else if (event.key === "Escape") {
            hide();
            input.focus();
        }
    });

    document.addEventListener("click", function (event) {
        if (!list.contains(event.target) && event.target !== input) {
            hide();
        }
    });
})();
