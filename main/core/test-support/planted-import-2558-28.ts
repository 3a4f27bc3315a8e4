import './wire-test-client';
