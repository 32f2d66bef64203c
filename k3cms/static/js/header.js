// The header's menu and search buttons (templates/components/header.html): each opens its panel
// below the bar and says so with aria-expanded; Escape closes the open panel and returns the focus
// to its button. Without this script both panels stay open (site.css), so nothing is out of reach.
(() => {
  const header = document.querySelector(".site-header");
  if (!header) return;
  const toggles = [...header.querySelectorAll("button[aria-controls]")];

  const panelOf = (button) => document.getElementById(button.getAttribute("aria-controls"));
  const setOpen = (button, open) => {
    button.setAttribute("aria-expanded", String(open));
    panelOf(button).classList.toggle("is-open", open);
  };
  const openToggle = () => toggles.find((button) => button.getAttribute("aria-expanded") === "true");

  toggles.forEach((button) => {
    setOpen(button, false);
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      toggles.forEach((other) => setOpen(other, other === button && open));
      if (open) {
        // The search panel exists to type in: put the cursor there.
        const field = panelOf(button).querySelector("input[type=search]");
        if (field) field.focus();
      }
    });
  });
  header.classList.add("is-enhanced");

  document.addEventListener("keydown", (event) => {
    const button = openToggle();
    if (event.key !== "Escape" || !button) return;
    setOpen(button, false);
    button.focus();
  });
})();
