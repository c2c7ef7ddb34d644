// Consent signing: signs the statement shown on the page with the party's Ed25519 private key,
// read from a file the member chooses, and puts the signature in the form's signature box. The
// key is read and used only inside this page (WebCrypto); its file input has no name, so the form
// never sends it. Without this script, or in a browser without Ed25519, the member signs with
// `simwatch agreement sign` and pastes the signature into the same box. (The browser's globals are
// reached through globalThis: the lint configuration lists only those older scripts use.)
//
// The element `[data-simwatch-consent-signing]` holds:
// - `[data-statement]`: the exact bytes to sign (the statement's canonical JSON, as the server
//   computed it), or, with `data-text-from="ID"`, a statement whose `text` is taken from the
//   field ID and which is then canonicalised here (RFC 8785) before signing;
// - `[data-key-picker]` (hidden until this script shows it): the key file input, the button and
//   the status line;
// - the signature textarea named `signature`.

/** Enhances the consent signing area. */
export function enhance(area) {
  const picker = area.querySelector('[data-key-picker]');
  const keyInput = area.querySelector('input[type="file"][data-key-file]');
  const button = area.querySelector('button[data-sign]');
  const status = area.querySelector('[data-sign-status]');
  const signatureBox = area.querySelector('textarea[name="signature"]');
  const statementElement = area.querySelector('[data-statement]');
  if (!picker || !keyInput || !button || !status || !signatureBox || !statementElement) return;
  if (!globalThis.crypto?.subtle) return;
  picker.hidden = false;

  const say = (text, isError) => {
    status.textContent = text;
    status.classList.toggle('nhsuk-error-message', Boolean(isError));
  };

  button.addEventListener('click', async () => {
    const file = keyInput.files?.[0];
    if (!file) {
      say("Choose your party's key file first.", true);
      keyInput.focus();
      return;
    }
    try {
      const key = await importPrivateKey(await file.text());
      const bytes = new globalThis.TextEncoder().encode(statementText(statementElement));
      const signature = await globalThis.crypto.subtle.sign('Ed25519', key, bytes);
      signatureBox.value = toBase64(new Uint8Array(signature));
      // The key file is forgotten as soon as it has been used.
      keyInput.value = '';
      say('Signed. The signature is in the box below: check the statement, then send the form.');
      signatureBox.focus();
    } catch (error) {
      say(
        error instanceof KeyFileError
          ? error.message
          : 'This browser could not sign with the key. Use the command shown below instead.',
        true,
      );
    }
  });
}

class KeyFileError extends Error {}

/** The text to sign: the statement as shown, or rebuilt with the text typed in its field. */
export function statementText(element) {
  const shown = element.textContent ?? '';
  const textFrom = element.dataset.textFrom;
  if (!textFrom) return shown;
  const field = document.getElementById(textFrom);
  const statement = JSON.parse(shown);
  statement.text = field?.value ?? '';
  return canonicalJson(statement);
}

/** Imports an Ed25519 private key from a PKCS #8 PEM file (what `simwatch agreement key new` writes). */
export async function importPrivateKey(pem) {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  if (!match)
    throw new KeyFileError(
      "This file is not a private key. Choose the party's private key file (it begins with -----BEGIN PRIVATE KEY-----).",
    );
  let der;
  try {
    der = Uint8Array.from(globalThis.atob(match[1].replace(/\s+/g, '')), (char) =>
      char.charCodeAt(0),
    );
  } catch {
    throw new KeyFileError('The key file is damaged: its contents are not valid.');
  }
  try {
    return await globalThis.crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, [
      'sign',
    ]);
  } catch {
    throw new KeyFileError('This key is not an Ed25519 private key.');
  }
}

function toBase64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return globalThis.btoa(binary);
}

/** RFC 8785 canonical JSON for the plain data of a statement (strings, numbers, null, objects). */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // RFC 8785 orders keys by their UTF-16 code units, which is what the default sort compares.
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
