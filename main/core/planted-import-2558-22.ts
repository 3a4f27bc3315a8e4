import './test-support/wire-test-client';
