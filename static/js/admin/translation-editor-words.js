// wagtail-localize's translation editor (a React app) writes two pieces of its
// interface in English whatever the admin's language: the heading
// "<source> to <target> translation" and the screen-reader label "More actions".
// This puts the admin's own words, sent by the server in
// #cni-translation-editor-words, in their place, and keeps them there when
// React draws the editor again (see home/upstream_words.py).
(() => {
  const editor = document.querySelector(".js-translation-editor");
  const wordsElement = document.getElementById("cni-translation-editor-words");
  if (!editor || !wordsElement) return;
  const words = JSON.parse(wordsElement.textContent);
  const props = JSON.parse(editor.dataset.props);
  const sourceName = props.sourceLocale.displayName;
  const target = props.locale.displayName;
  const replacements = new Map([
    [
      `${sourceName} to ${target} translation`,
      words.heading.replace("{1}", sourceName).replace("{2}", target),
    ],
    ["More actions", words.moreActions],
  ]);

  const translate = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const replacement = replacements.get(node.nodeValue.trim());
      if (replacement) node.nodeValue = replacement;
    }
  };

  translate(editor);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      translate(mutation.type === "characterData" ? mutation.target.parentNode : mutation.target);
    }
  }).observe(editor, { childList: true, subtree: true, characterData: true });
})();
