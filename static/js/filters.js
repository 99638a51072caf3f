/*
 * "Filters (n)" on a phone (search/includes/filters_toggle.html). Without
 * this script the control is a link to the filters, shown as its :target.
 * With it, the link acts as a disclosure button: it opens and closes the
 * filters in place and says so with aria-expanded. The state lives on
 * <html>, so it survives static/js/search.js replacing the results region
 * (and the control with it) after a filter is ticked.
 */
(function () {
    "use strict";

    var root = document.documentElement;
    var OPEN = "filters-open";

    function sync() {
        var open = root.classList.contains(OPEN);
        document.querySelectorAll("[data-filters-toggle]").forEach(function (toggle) {
            toggle.setAttribute("role", "button");
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
        });
    }

    function toggle(event) {
        event.preventDefault();
        root.classList.toggle(OPEN);
        sync();
    }

    document.addEventListener("click", function (event) {
        if (event.target.closest("[data-filters-toggle]")) {
            toggle(event);
        }
    });
    // A link answers Enter by itself; a button must answer Space too.
    document.addEventListener("keydown", function (event) {
        if (event.key === " " && event.target.closest("[data-filters-toggle]")) {
            toggle(event);
        }
    });
    document.addEventListener("search:updated", sync);
    sync();
})();
