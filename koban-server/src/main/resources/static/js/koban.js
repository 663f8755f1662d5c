// Koban's only script: it adds conveniences, and every page works without it.
// No inline script anywhere: the Content-Security-Policy forbids it.
document.addEventListener("DOMContentLoaded", () => {
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  // htmx requests that change something carry the CSRF token like a form does.
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (token && header) event.detail.headers[header.content] = token.content;
  });
  // <form data-confirm="..."> asks before submitting (deleting, revoking).
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
  // <button data-copy="#id"> copies a shown-once secret.
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.addEventListener("click", () => {
      const source = document.querySelector(button.dataset.copy);
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.textContent.trim());
    });
  });
  // CVSS v3.1 calculator: picking base metrics writes the vector into its field (which htmx then scores);
  // typing a vector sets the pickers. The server decides the score; this only composes text.
  document.querySelectorAll("fieldset.cvss-calculator").forEach((box) => {
    const input = document.querySelector('input[name="' + box.dataset.target + '"]');
    if (!input) return;
    const selects = Array.from(box.querySelectorAll("select[data-metric]"));
    const fromVector = () => {
      const parts = new Map(input.value.split("/").map((p) => p.split(":")));
      selects.forEach((s) => { s.value = parts.get(s.dataset.metric) || ""; });
    };
    selects.forEach((s) => s.addEventListener("change", () => {
      const chosen = selects.filter((x) => x.value).map((x) => x.dataset.metric + ":" + x.value);
      input.value = "CVSS:3.1/" + chosen.join("/");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }));
    input.addEventListener("input", fromVector);
    fromVector();
  });
});
