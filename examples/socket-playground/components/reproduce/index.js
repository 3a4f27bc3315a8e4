// One button per error code 1–12 (./scenarios.js); each result row shows the code my answered, newest first.
import { SCENARIOS } from './scenarios';

const MAX_RESULTS = 12;
let lastResultId = 0;

Component({
  props: { echoUrl: '' },
  data: {
    scenarios: SCENARIOS.map(({ code, label, condition }) => ({ code, label, condition })),
    results: [],
  },

  methods: {
    run(event) {
      const scenario = SCENARIOS.find((candidate) => candidate.code === Number(event.currentTarget.dataset.code));
      if (!scenario) return;
      lastResultId += 1;
      const id = lastResultId;
      const pending = { id, expected: scenario.code, code: '', badge: String(scenario.code), className: 'result-pending', title: `${scenario.label}:`, message: 'waiting…', via: '' };
      this.setData({ results: [pending, ...this.data.results].slice(0, MAX_RESULTS) });
      scenario.run(this.props.echoUrl).then((outcome) => {
        const matched = outcome.code === scenario.code;
        const done = {
          ...pending,
          code: outcome.code === undefined ? '' : String(outcome.code),
          badge: outcome.code === undefined ? '–' : String(outcome.code),
          className: matched ? 'result-ok' : 'result-miss',
          title: outcome.code === undefined ? 'No error code' : `Error ${outcome.code}`,
          message: outcome.message,
          via: ` via ${outcome.via}`,
        };
        this.setData({ results: this.data.results.map((row) => (row.id === id ? done : row)) });
      });
    },
  },
});
