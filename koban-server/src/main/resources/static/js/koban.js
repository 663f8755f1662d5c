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
});
