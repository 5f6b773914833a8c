import { mount } from 'svelte';
import App from './App.svelte';
import KioskApp from './lib/kiosk/KioskApp.svelte';
import './app.css';

// KS1: /checkin/kiosk is the self-service terminal: a device of its own, never the door's staff session.
const kiosk = /^\/checkin\/kiosk\/?$/.test(location.pathname);
mount(kiosk ? KioskApp : App, { target: document.getElementById('app')! });
