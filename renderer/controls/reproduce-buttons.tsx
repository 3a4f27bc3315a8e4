// One button per error code 1–12 that reproduces it by a real condition (see reproduce-error.ts).
import { useState } from 'react';
import { socketError } from '../../shared/error-codes';
import type { ReproductionRecipe } from './reproduce-error';
import './controls.css';
import './reproduce-buttons.css';

/** Renders the reproduce buttons; disabled ones say why in their tooltip. */
export function ReproduceButtons({ recipes }: { recipes: ReproductionRecipe[] }) {
  const [running, setRunning] = useState<number | null>(null);
  return (
    <div className="msd-reproduce" role="group" aria-label="Reproduce an error">
      {recipes.map((recipe) => (
        <button
          key={recipe.code}
          type="button"
          className="msd-button msd-reproduce__button"
          disabled={recipe.unavailable !== null || running !== null}
          title={`${recipe.code}: ${socketError(recipe.code).description}\n${recipe.unavailable ?? `How: ${recipe.how}`}`}
          aria-label={`Reproduce error ${recipe.code}`}
          onClick={() => {
            setRunning(recipe.code);
            void recipe.run().finally(() => setRunning(null));
          }}
        >
          {recipe.code}
        </button>
      ))}
    </div>
  );
}
