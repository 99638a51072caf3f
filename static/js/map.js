/*
 * Member cities on a map, when the reader asks for one.
 *
 * The page lists the cities as links ([data-map] .city-map__list, each item
 * with data-lat/data-lon). This script shows a "Show the map" button; pressing
 * it loads the vendored Leaflet (static/vendor/leaflet/, `make vendor`) and
 * draws a marker per city with its number of practices. Markers are reached
 * with Tab and opened with Enter; their popup links to the city. Map tiles
 * come from the tile URL in settings (MAP_TILE_URL), so nothing is asked of
 * the tile server before the reader opens a map. Without tiles (offline, or
 * no URL set) the markers still work, and the list always stays on the page.
 */
(function () {
    "use strict";

    var leafletLoading = null;

    function loadLeaflet(container) {
        if (window.L) {
            return Promise.resolve(window.L);
        }
        if (!leafletLoading) {
            leafletLoading = new Promise(function (resolve, reject) {
                var css = document.createElement("link");
                css.rel = "stylesheet";
                css.href = container.getAttribute("data-leaflet-css");
                document.head.appendChild(css);
                var script = document.createElement("script");
                script.src = container.getAttribute("data-leaflet-js");
                script.onload = function () {
                    resolve(window.L);
                };
                script.onerror = reject;
                document.head.appendChild(script);
            });
        }
        return leafletLoading;
    }

    function cities(container) {
        var items = container.querySelectorAll(".city-map__city[data-lat][data-lon]");
        return Array.prototype.map.call(items, function (item) {
            var link = item.querySelector("a");
            var count = item.querySelector(".city-map__count");
            return {
                lat: parseFloat(item.getAttribute("data-lat")),
                lon: parseFloat(item.getAttribute("data-lon")),
                practices: item.getAttribute("data-count") || "",
                name: link ? link.textContent.trim() : "",
                url: link ? link.getAttribute("href") : "",
                lang: link ? link.getAttribute("lang") : null,
                current: item.hasAttribute("data-current"),
                countText: count ? count.textContent.trim() : "",
            };
        });
    }

    function popupContent(city) {
        var box = document.createElement("p");
        box.className = "city-map__popup";
        var link = document.createElement("a");
        link.href = city.url;
        link.textContent = city.name;
        if (city.lang) {
            link.lang = city.lang;
        }
        box.appendChild(link);
        box.appendChild(document.createElement("br"));
        box.appendChild(document.createTextNode(city.countText));
        return box;
    }

    function draw(L, container, canvas) {
        var label = function (name) {
            return container.getAttribute("data-label-" + name) || "";
        };
        var map = L.map(canvas, {
            scrollWheelZoom: false,
            zoomControl: false,
            attributionControl: true,
        });
        L.control.zoom({ zoomInTitle: label("zoom-in"), zoomOutTitle: label("zoom-out") }).addTo(map);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

        var tileUrl = container.getAttribute("data-tile-url");
        var notice = container.querySelector("[data-map-notice]");
        if (tileUrl) {
            var failed = false;
            L.tileLayer(tileUrl, {
                maxZoom: 18,
                attribution: container.getAttribute("data-tile-attribution") || "",
            })
                .on("tileerror", function () {
                    if (!failed && notice) {
                        failed = true;
                        notice.textContent = label("no-tiles");
                        notice.hidden = false;
                    }
                })
                .addTo(map);
        }

        var points = [];
        cities(container).forEach(function (city) {
            var icon = L.divIcon({
                className: "city-map__marker" + (city.current ? " city-map__marker--current" : ""),
                html: '<span aria-hidden="true">' + city.practices + "</span>",
                iconSize: [34, 34],
                iconAnchor: [17, 17],
                popupAnchor: [0, -14],
            });
            var marker = L.marker([city.lat, city.lon], {
                icon: icon,
                keyboard: true,
                title: city.name + " — " + city.countText,
                alt: city.name,
                riseOnHover: true,
            }).addTo(map);
            marker.bindPopup(popupContent(city));
            marker.on("popupopen", function (event) {
                var link = event.popup.getElement().querySelector("a");
                if (link) {
                    link.focus();
                }
            });
            points.push([city.lat, city.lon]);
        });
        if (points.length === 1) {
            map.setView(points[0], 10);
        } else if (points.length) {
            map.fitBounds(points, { padding: [30, 30] });
        } else {
            map.setView([38.5, 23.5], 6);
        }
        canvas.setAttribute("role", "region");
        canvas.setAttribute("aria-label", label("map"));
        return map;
    }

    function setup(container) {
        var button = container.querySelector("[data-map-toggle]");
        var canvas = container.querySelector(".city-map__canvas");
        if (!button || !canvas || !container.querySelector(".city-map__city[data-lat]")) {
            return;
        }
        var map = null;
        button.hidden = false;
        // A section that holds nothing but the map (the cities index) waits for it.
        var section = container.closest("[data-map-section]");
        if (section) {
            section.hidden = false;
        }
        button.addEventListener("click", function () {
            var opening = canvas.hidden;
            if (!opening) {
                canvas.hidden = true;
                button.setAttribute("aria-expanded", "false");
                button.textContent = container.getAttribute("data-label-show");
                return;
            }
            button.disabled = true;
            loadLeaflet(container)
                .then(function (L) {
                    canvas.hidden = false;
                    button.setAttribute("aria-expanded", "true");
                    button.textContent = container.getAttribute("data-label-hide");
                    if (!map) {
                        map = draw(L, container, canvas);
                        container.classList.add("city-map--drawn");
                    } else {
                        map.invalidateSize();
                    }
                })
                .catch(function () {
                    button.hidden = true;
                })
                .then(function () {
                    button.disabled = false;
                });
        });
    }

    var maps = document.querySelectorAll("[data-map]");
    for (var i = 0; i < maps.length; i += 1) {
        setup(maps[i]);
    }
})();
