import type { InstallStep } from '../../../../main/contract';
import { stepElapsed } from './elapsed';
import { STEP_STATE_LABEL } from './step-state-label';

interface StepListProps {
  steps: InstallStep[];
  shownStepId: string | undefined;
  now: number;
  onShow(stepId: string): void;
}

/** The run's steps; each is a button that shows its output in the terminal. */
export function StepList({ steps, shownStepId, now, onShow }: StepListProps) {
  return (
    <ol className="steps" aria-label="Steps">
      {steps.map((step, index) => {
        const label = STEP_STATE_LABEL[step.state];
        const elapsed = stepElapsed(step, now);
        return (
          <li key={step.id} className={`step step-${step.state}`} data-testid={`step-${step.id}`} data-state={step.state}>
            <button type="button" className="step-button" aria-pressed={step.id === shownStepId} onClick={() => onShow(step.id)}>
              <span className="step-state">
                <span aria-hidden="true" className="icon">
                  {label.icon}
                </span>{' '}
                {label.text}
              </span>
              <span className="step-title">
                <span className="visually-hidden">Step {index + 1}: </span>
                {step.title}
              </span>
              {elapsed && (
                <span className="step-elapsed" aria-label={`took ${elapsed}`}>
                  {elapsed}
                </span>
              )}
            </button>
            {step.state === 'skipped' && step.reason && <p className="step-reason">{step.reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
