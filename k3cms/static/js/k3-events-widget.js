/* K3 event widget, for partners' own websites (docs/widget.md).

   <div data-k3-events data-partner="…" data-lang="de" data-limit="5"></div>
   <script src="https://<K3 host>/static/js/k3-events-widget.js" defer></script>

   Fetches the upcoming events from the K3 site this script was loaded from (without cookies) and
   shows them in a shadow root, so the host page's styles and ours stay apart; the host themes it
   with the --k3-widget-* custom properties. Whatever the element holds (a link to the calendar,
   say) shows until the events arrive, and stays if they cannot be loaded. No dependencies and no
   inline code or styles, so a strict Content Security Policy only needs to name the K3 origin. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var origin = new URL(script.src).origin;
  // data-* attributes passed on to the fragment, as the calendar's filters name them.
  var PARAMETERS = ["partner", "program", "topic", "city", "format", "language", "month", "limit", "heading"];
  var LANGUAGES = ["de", "en"];

  // Hosts that enforce Trusted Types allow this policy by name (trusted-types k3-events-widget).
  var policy = null;
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    try {
      policy = window.trustedTypes.createPolicy("k3-events-widget", {
        createHTML: function (html) {
          return html;
        },
      });
    } catch (error) {
      policy = null;
    }
  }

  function widgetLanguage(element) {
    var wanted = (element.getAttribute("data-lang") || document.documentElement.lang || "de")
      .slice(0, 2)
      .toLowerCase();
    return LANGUAGES.indexOf(wanted) === -1 ? "de" : wanted;
  }

  function fragmentUrl(element) {
    var url = new URL("/" + widgetLanguage(element) + "/widget/events/", origin);
    PARAMETERS.forEach(function (name) {
      var value = element.getAttribute("data-" + name);
      if (value) {
        url.searchParams.set(name, value);
      }
    });
    return url.href;
  }

  function show(root, html) {
    var template = document.createElement("template");
    template.innerHTML = policy ? policy.createHTML(html) : html;
    var content = template.content;
    var widget = content.querySelector(".k3-events");
    var stylesheet = content.querySelector('link[rel="stylesheet"]');
    if (widget && stylesheet) {
      // Unstyled for a moment would flash; wait for our stylesheet (or its failure).
      widget.hidden = true;
      var reveal = function () {
        widget.hidden = false;
      };
      stylesheet.addEventListener("load", reveal);
      stylesheet.addEventListener("error", reveal);
    }
    root.replaceChildren(content);
  }

  function load(element) {
    if (element.shadowRoot) {
      return; // done already (the script was included twice)
    }
    var root = element.attachShadow({ mode: "open" });
    // The element's own content stays visible until the events replace it.
    root.appendChild(document.createElement("slot"));
    fetch(fragmentUrl(element), { credentials: "omit", mode: "cors" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("K3 event widget: " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        show(root, html);
      })
      .catch(function (error) {
        if (window.console) {
          window.console.warn(error);
        }
      });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-k3-events]"), load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
