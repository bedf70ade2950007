// The language picker, where scripts run: switching language loses nothing typed in the page's
// other forms, Escape closes the list, and the page kept is the one in the address bar (htmx may
// have changed it since the page came). Without scripts the picker works as it is.
//
// What was typed is saved to sessionStorage under the page's path without its language prefix,
// when the picker's form is sent; the same page in the new language puts it back in the same
// forms (by position, checked by their address) and fields (by name), then forgets it. Only
// fields changed from what the page came with are kept; never passwords, files or hidden fields
// (the CSRF token among them).
(() => {
  const KEY = "citypeers:typed:";
  const FRESH_MS = 2 * 60 * 1000; // a switch that never arrived leaves nothing to restore later
  const SKIPPED = new Set(["password", "file", "hidden", "submit", "button", "reset", "image"]);

  const picker = document.querySelector(".language-picker");
  const menu = picker && picker.querySelector("form.language-menu");
  if (!menu) return;
  const codes = [...menu.querySelectorAll("button[name=language]")].map((button) => button.value);

  // "/fr/calls/x/apply/" and "/en/calls/x/apply/" are one page: "/calls/x/apply/".
  const withoutLanguage = (path) => {
    const [, first, ...rest] = path.split("/");
    return codes.includes(first) ? `/${rest.join("/")}` : path;
  };
  const storageKey = () => KEY + withoutLanguage(location.pathname);
  const actionOf = (form) => withoutLanguage(new URL(form.action, location.href).pathname);
  const otherForms = () => [...document.forms].filter((form) => form !== menu);

  const checkable = (field) => field.type === "checkbox" || field.type === "radio";
  const kept = (field) =>
    field.name && !field.disabled && !SKIPPED.has(field.type) && field.name !== "csrfmiddlewaretoken";

  const changed = (field) => {
    if (checkable(field)) return field.checked !== field.defaultChecked;
    if (field.type === "select-multiple") {
      return [...field.options].some((option) => option.selected !== option.defaultSelected);
    }
    if (field.type === "select-one") {
      const first = [...field.options].findIndex((option) => option.defaultSelected);
      return field.selectedIndex !== Math.max(first, 0);
    }
    return field.value !== field.defaultValue;
  };

  const valueOf = (field) =>
    field.type === "select-multiple"
      ? [...field.selectedOptions].map((option) => option.value)
      : field.value;

  // A form's fields by name: a group of checkboxes or radios shares one name.
  const fieldsByName = (form) => {
    const named = new Map();
    for (const field of form.elements) {
      if (!kept(field)) continue;
      if (!named.has(field.name)) named.set(field.name, []);
      named.get(field.name).push(field);
    }
    return named;
  };

  const typedIn = (form) => {
    const fields = {};
    for (const [name, group] of fieldsByName(form)) {
      if (!group.some(changed)) continue;
      fields[name] = checkable(group[0])
        ? { checked: group.filter((field) => field.checked).map((field) => field.value) }
        : { values: group.map(valueOf) };
    }
    return fields;
  };

  const putBack = (form, fields) => {
    const named = fieldsByName(form);
    for (const [name, saved] of Object.entries(fields)) {
      const group = named.get(name) || [];
      group.forEach((field, index) => {
        if (saved.checked) {
          if (checkable(field)) field.checked = saved.checked.includes(field.value);
        } else if (index < saved.values.length) {
          const value = saved.values[index];
          if (field.type === "select-multiple") {
            for (const option of field.options) option.selected = value.includes(option.value);
          } else if (field.type === "select-one") {
            if ([...field.options].some((option) => option.value === value)) field.value = value;
          } else if (!checkable(field) && typeof value === "string") {
            field.value = value;
          }
        }
      });
    }
  };

  menu.addEventListener("submit", () => {
    menu.elements.next.value = location.pathname + location.search + location.hash;
    const forms = otherForms()
      .map((form, position) => ({ position, action: actionOf(form), fields: typedIn(form) }))
      .filter((form) => Object.keys(form.fields).length);
    try {
      if (forms.length) {
        sessionStorage.setItem(storageKey(), JSON.stringify({ at: Date.now(), forms }));
      }
    } catch {
      // Storage full or refused (a private window): the switch goes on without it.
    }
  });

  const restore = () => {
    let saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey()));
      sessionStorage.removeItem(storageKey());
    } catch {
      return;
    }
    if (!saved || !Array.isArray(saved.forms) || Date.now() - saved.at > FRESH_MS) return;
    const forms = otherForms();
    for (const { position, action, fields } of saved.forms) {
      // The form at the same place, if it sends to the same page; else the first that does.
      const same = forms[position] && actionOf(forms[position]) === action;
      const form = same ? forms[position] : forms.find((other) => actionOf(other) === action);
      if (form) putBack(form, fields);
    }
  };

  const close = () => {
    picker.open = false;
    picker.querySelector("summary").focus();
  };
  picker.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && picker.open) {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener("click", (event) => {
    if (picker.open && !picker.contains(event.target)) picker.open = false;
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restore);
  } else {
    restore();
  }
})();
