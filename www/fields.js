// Showing problems next to the fields they are about. Inputs carry the API path
// they fill in `data-path`, so a violation's `path` (from the package, the proxy
// or Adobe's `additionalDetails`) finds its field without a lookup table.

/** The field element for an API path, or null. */
export function fieldFor(root, path) {
  return root.querySelector(`[data-path="${CSS.escape(path)}"]`);
}

/** The element that shows a field's error (created with the field). */
function errorBox(input) {
  return document.getElementById(`${input.id}-error`);
}

/** Marks one field with messages (or clears it when `messages` is empty). */
export function setFieldErrors(input, messages) {
  const box = errorBox(input);
  box.textContent = messages.join(" ");
  if (messages.length) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

/**
 * Places violations at their fields within `root`. Those whose path names no
 * field (a whole object, a path the form does not show) are returned, so the
 * caller can put them in the form's summary instead of losing them.
 */
export function showViolations(root, violations) {
  const byField = new Map();
  const unplaced = [];
  for (const violation of violations) {
    const input = closestField(root, violation.path);
    if (!input) {
      unplaced.push(violation);
      continue;
    }
    if (!byField.has(input)) byField.set(input, []);
    byField.get(input).push(violation.message);
  }
  for (const [input, messages] of byField) setFieldErrors(input, messages);
  return unplaced;
}

/** The field for a path, or for its nearest parent path that has one. */
function closestField(root, path) {
  let current = path;
  while (current) {
    const input = fieldFor(root, current);
    if (input) return input;
    const parent = current.replace(/(\.[^.[]+|\[\d+\])$/, "");
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

/** Clears every field error within `root`. */
export function clearAll(root) {
  for (const input of root.querySelectorAll("[data-path]")) setFieldErrors(input, []);
}

/** The first field marked invalid, for moving focus to it after a submit. */
export function firstInvalid(root) {
  return root.querySelector('[aria-invalid="true"]');
}
