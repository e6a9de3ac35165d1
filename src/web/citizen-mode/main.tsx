/** @jsxImportSource preact */
// The citizen's hand-over mode, its own light page (handover.html, decision 019): Preact and
// plain CSS, the citizen's questionnaire, give-back and lock screens, no caseworker code.
import { render } from 'preact';
import './citizen.css';
import { CitizenApp, boot } from './CitizenApp.tsx';

const root = document.getElementById('root');
if (root) render(<CitizenApp boot={boot()} />, root);
