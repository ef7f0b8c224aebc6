import { useId } from 'react';
import type { PreflightResult } from '../../../../main/contract';
import type { ChoiceState, SetupMode } from './install-choices';

interface ChoicesFormProps {
  mode: SetupMode;
  preflight: PreflightResult;
  state: ChoiceState;
  onChange(state: ChoiceState): void;
}

/** Channel, addons and the kubeconfig merge; only what the chosen mode uses. */
export function ChoicesForm({ mode, preflight, state, onChange }: ChoicesFormProps) {
  const channelHelp = useId();
  const mergeHelp = useId();
  const showChannel = mode === 'fresh' || mode === 'reinstall';
  const showAddons = mode !== 'connect';
  // The default is always offered, even when the store's channel list could not be read.
  const channels = preflight.channels.some((c) => c.name === preflight.defaultChannel)
    ? preflight.channels
    : [{ name: preflight.defaultChannel, version: undefined }, ...preflight.channels];
  const toggleAddon = (name: string, on: boolean) => {
    const addons = new Set(state.addons);
    if (on) addons.add(name);
    else addons.delete(name);
    onChange({ ...state, addons });
  };
  return (
    <div className="choices">
      {showChannel && (
        <div className="field">
          <label htmlFor="install-channel">Channel</label>
          <select id="install-channel" aria-describedby={channelHelp} value={state.channel} onChange={(e) => onChange({ ...state, channel: e.target.value })}>
            {channels.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.version ? ` (${c.version})` : ''}
                {c.name === preflight.defaultChannel ? ' — recommended' : ''}
              </option>
            ))}
          </select>
          <p id={channelHelp} className="help">
            The Kubernetes version and how settled it is: <em>stable</em> is for everyday use; <em>edge</em> gets changes first.
            {preflight.channels.length === 0 && ' Berth could not read the list of channels from the snap store, so only the default is offered.'}
          </p>
        </div>
      )}
      {showAddons && (
        <fieldset className="addons">
          <legend>Addons</legend>
          <p className="help">Optional parts of microk8s. The first three are what most people want; you can enable more later.</p>
          <ul>
            {[...preflight.addons]
              .sort((a, b) => Number(b.recommended) - Number(a.recommended))
              .map((addon) => {
                const alreadyOn = Boolean(addon.enabled) && mode !== 'reinstall';
                return (
                  <li key={addon.name}>
                    <label>
                      <input
                        type="checkbox"
                        name="addon"
                        value={addon.name}
                        checked={alreadyOn || state.addons.has(addon.name)}
                        disabled={alreadyOn}
                        onChange={(e) => toggleAddon(addon.name, e.target.checked)}
                      />
                      <span className="addon-name">{addon.name}</span>
                      <span className="addon-description">
                        {addon.description}
                        {alreadyOn ? ' (already on)' : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
          </ul>
        </fieldset>
      )}
      {mode !== 'connect' && (
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" aria-describedby={mergeHelp} checked={state.mergeKubeconfig} onChange={(e) => onChange({ ...state, mergeKubeconfig: e.target.checked })} />
            Add the cluster to ~/.kube/config
          </label>
          <p id={mergeHelp} className="help">
            Adds a <code>microk8s</code> context so <code>kubectl</code>, Berth and other tools can reach the cluster. Berth backs the file up first and
            keeps your other contexts. Leave it off to keep your kubeconfig untouched; Berth then connects with its own copy.
          </p>
        </div>
      )}
    </div>
  );
}
