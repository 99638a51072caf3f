/*
 * Search suggestions as an ARIA combobox (the WAI-ARIA "list autocomplete"
 * pattern). Enhances every input with data-autocomplete="<suggest URL>",
 * which answers {"results": [{"title", "url", "city"}]}. Without this script
 * the input is a plain search field in a GET form.
 *
 * Keys: Down/Up move through the suggestions (focus stays in the input, the
 * active option is aria-activedescendant), Enter opens the active one or
 * submits the search, Escape closes the list (a second Escape clears).
 */
(function () {
    "use strict";

    if (!window.fetch || !window.URLSearchParams) {
        return;
    }

    var MIN_CHARS = 2;
    var DELAY = 200;

    function setup(input, number) {
        var url = input.getAttribute("data-autocomplete");
        var wrapper = input.closest("[data-autocomplete-wrapper]") || input.parentNode;
        var listId = (input.id || "autocomplete-" + number) + "-listbox";

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "autocomplete__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
        list.hidden = true;

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");

        wrapper.classList.add("autocomplete");
        wrapper.appendChild(list);
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var results = [];
        var active = -1;
        var timer = null;
        var request = null;

        function options() {
            return list.querySelectorAll("[role=option]");
        }

        function announce(count) {
            var message;
            if (count === 0) {
                message = input.getAttribute("data-msg-none");
            } else if (count === 1) {
                message = input.getAttribute("data-msg-one");
            } else {
                message = (input.getAttribute("data-msg-many") || "").replace("COUNT", String(count));
            }
            status.textContent = message || "";
        }

        function setActive(index) {
            var all = options();
            active = index;
            for (var i = 0; i < all.length; i += 1) {
                all[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && all[index]) {
                input.setAttribute("aria-activedescendant", all[index].id);
                all[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function open() {
            if (results.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function render(items) {
            results = items;
            list.textContent = "";
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.className = "autocomplete__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "autocomplete__title";
                title.textContent = item.title;
                option.appendChild(title);
                if (item.city) {
                    var city = document.createElement("span");
                    city.className = "autocomplete__city";
                    city.textContent = item.city;
                    option.appendChild(city);
                }
                // mousedown, not click: it comes before the input's blur closes the list.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(index);
                });
                list.appendChild(option);
            });
            setActive(-1);
            if (items.length) {
                open();
            } else {
                close();
            }
            announce(items.length);
        }

        function go(index) {
            var item = results[index];
            if (item && item.url) {
                window.location.assign(item.url);
            }
        }

        function suggest() {
            var query = input.value.trim();
            if (query.length < MIN_CHARS) {
                results = [];
                list.textContent = "";
                close();
                status.textContent = "";
                return;
            }
            if (request) {
                request.abort();
            }
            request = new AbortController();
            fetch(url + "?" + new URLSearchParams({ q: query }), {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                signal: request.signal,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.results || []);
                    }
                })
                .catch(function () {});
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(suggest, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var count = results.length;
            if (event.key === "ArrowDown") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(active + 1 < count ? active + 1 : 0);
            } else if (event.key === "ArrowUp") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(active > 0 ? active - 1 : count - 1);
            } else if (event.key === "Enter") {
                if (!list.hidden && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    results = [];
                    list.textContent = "";
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        input.addEventListener("focus", function () {
            if (results.length && input.value.trim().length >= MIN_CHARS) {
                open();
            }
        });
    }

    var inputs = document.querySelectorAll("input[data-autocomplete]");
    for (var i = 0; i < inputs.length; i += 1) {
        setup(inputs[i], i);
    }
})();
