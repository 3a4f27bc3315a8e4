import './test-support/make-entry';
