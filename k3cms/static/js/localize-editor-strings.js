// wagtail-localize's translation editor hard-codes two labels in English (see
// core/localize_admin_i18n.py): this replaces them with the translations the page carries in
// #k3-localize-editor-strings, also when React renders them later. Elsewhere it does nothing.
(function () {
  "use strict";

  var editor = document.querySelector(".js-translation-editor[data-props]");
  var stringsElement = document.getElementById("k3-localize-editor-strings");
  if (!editor || !stringsElement) {
    return;
  }
  var strings = JSON.parse(stringsElement.textContent);
  var props = JSON.parse(editor.dataset.props);
  var source = props.sourceLocale.displayName;
  var target = props.locale.displayName;

  // English text as the editor renders it -> the text to show instead.
  var replacements = Object.assign({}, strings.labels);
  replacements[source + " to " + target + " translation"] = strings.heading
    .replace("%(source)s", source)
    .replace("%(target)s", target);

  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.nodeValue.trim();
      if (
        Object.prototype.hasOwnProperty.call(replacements, text) &&
        replacements[text] !== text
      ) {
        node.nodeValue = replacements[text];
      }
    }
  }

  translate(editor);
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      if (mutation.type === "characterData") {
        translate(mutation.target.parentNode);
      }
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          translate(node.parentNode);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          translate(node);
        }
      });
    });
  }).observe(editor, { childList: true, characterData: true, subtree: true });
})();
