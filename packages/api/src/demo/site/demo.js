// The demo host page's own script: what a customer's site does to sign its members in to
// Kindred. Its backend (here POST /demo/token) signs a short-lived token; the page hands it to
// the widgets with Kindred.setToken() and answers the widgets' sign-in and token requests.
const signInButton = document.getElementById('demo-sign-in');
const signOutButton = document.getElementById('demo-sign-out');
const status = document.getElementById('demo-status');
const visitorPicker = document.getElementById('demo-visitor');
let signedIn = false;

async function signIn() {
  signInButton.disabled = true;
  try {
    const visitor = Number(visitorPicker.value);
    const response = await fetch('/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitor }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const { token } = await response.json();
    window.Kindred?.setToken(token);
    signedIn = true;
    status.textContent = `Signed in as ${visitorPicker.selectedOptions[0].dataset.name}`;
    visitorPicker.disabled = true;
    signInButton.hidden = true;
    signOutButton.hidden = false;
  } catch (err) {
    status.textContent = 'Sign-in failed. Please try again.';
    console.error(err);
  } finally {
    signInButton.disabled = false;
  }
}

function signOut() {
  window.Kindred?.setToken(null);
  signedIn = false;
  status.textContent = 'Not signed in';
  visitorPicker.disabled = false;
  signInButton.hidden = false;
  signOutButton.hidden = true;
}

signInButton.addEventListener('click', signIn);
signOutButton.addEventListener('click', signOut);

// A widget asks the page to sign the visitor in (e.g. "Sign in to reply").
document.addEventListener('kindred-request-sign-in', (event) => {
  event.preventDefault();
  signIn();
});

// A widget's token expired: fetch a fresh one if the visitor is still signed in here.
document.addEventListener('kindred-request-token', (event) => {
  if (!signedIn) return;
  event.preventDefault();
  signIn();
});
