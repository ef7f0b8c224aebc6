import type { StepAction } from './install-plan';

export interface Explanation {
  reason: string;
  hint: string;
}

/**
 * What went wrong in a failed step, from its output, in plain words with what to do next. The
 * patterns are the real tools' messages (reference §1, §2, §8); the first that matches wins.
 */
const KNOWN: Array<[RegExp, Explanation]> = [
  [
    /incorrect password attempt|Sorry, try again\.[\s\S]*sudo: \d+ incorrect/,
    { reason: 'sudo did not accept the password.', hint: 'Retry and type your own login password (nothing shows while you type), then press Enter.' },
  ],
  [
    /no password was provided|a password is required|a terminal is required/,
    {
      reason: 'The password prompt was closed before a password was entered.',
      hint: 'Retry, click into the terminal and type your password when sudo asks.',
    },
  ],
  [
    /is not in the sudoers file|not allowed to execute/,
    { reason: 'Your user may not use sudo.', hint: 'Ask an administrator to add you to the sudo group, log in again, then retry.' },
  ],
  [
    /snap: (command )?not found|Command 'snap' not found/,
    { reason: 'snapd is not installed, so microk8s cannot be installed as a snap.', hint: 'Install snapd (sudo apt install snapd), log out and in, then retry.' },
  ],
  [
    /cannot communicate with server|snapd\.socket/,
    {
      reason: 'snapd is installed but not running.',
      hint: 'Start it with sudo systemctl enable --now snapd.socket (on WSL enable systemd in /etc/wsl.conf first), then retry.',
    },
  ],
  [
    /network is unreachable|Temporary failure in name resolution|persistent network error|cannot get nonce from store|returned status 50\d|i\/o timeout|connection refused.*snapcraft/i,
    { reason: 'The download failed: the snap store could not be reached.', hint: 'Check the network connection (and proxy settings), then retry: snapd resumes where it stopped.' },
  ],
  [
    /insufficient space|No space left on device/,
    { reason: 'There is not enough disk space.', hint: 'Free a few GB on /var/lib/snapd (microk8s recommends 20 GB), then retry.' },
  ],
  [
    /address already in use|Port \d+ seems to be in use/,
    {
      reason: 'A port microk8s needs is taken by another program.',
      hint: "Find it (sudo ss -ltnp 'sport = :16443'), stop it, then retry. `microk8s inspect` lists the ports in use.",
    },
  ],
  [
    /sg: failed to crypt password|sg: group '?microk8s'? does not exist/,
    {
      reason: 'Permission denied: you are not in the microk8s group, so Berth cannot run microk8s as you.',
      hint: 'Run the install wizard (it adds you to the group), or run sudo usermod -a -G microk8s $USER yourself, then retry.',
    },
  ],
  [
    /Insufficient permissions to access MicroK8s/,
    {
      reason: 'Permission denied: this session is not in the microk8s group yet.',
      hint: 'Retry: Berth runs microk8s through `sg microk8s`. If it persists, check `id -nG $USER` lists microk8s.',
    },
  ],
  [
    /access denied|Permission denied|Elevated permissions/i,
    { reason: 'Permission denied.', hint: 'Retry and enter your password when sudo asks; if it still fails, check that your user may use sudo.' },
  ],
  [
    /Addon \S+ was not found in any repository/,
    { reason: 'microk8s does not know this addon.', hint: 'Check the name (microk8s status lists the addons), or enable the community repository first.' },
  ],
  [
    /microk8s: (command )?not found/,
    { reason: 'microk8s is not installed on this machine.', hint: 'Install it first with the install wizard, then retry.' },
  ],
  [
    /is unable to join the cluster|Connection failed\. The joining node/,
    {
      reason: 'This machine could not join the cluster: the other machine did not answer or refused the token.',
      hint: 'Check that this machine reaches the other on port 25000 (firewalls), and use a fresh join command from "Add a node" there (each token works once), then retry.',
    },
  ],
  [
    /change in progress/,
    { reason: 'snapd is busy with another change to microk8s.', hint: 'Wait for it to finish (snap changes), then retry.' },
  ],
  [
    /too early for operation|not yet seeded/,
    { reason: 'snapd has not finished setting up after boot.', hint: 'Run sudo snap wait system seed.loaded, then retry.' },
  ],
];

const PROMPT_CLOSED: Explanation = {
  reason: 'The password prompt was closed before a password was entered.',
  hint: 'Retry, click into the terminal and type your password when sudo asks.',
};

export function explainFailure(action: StepAction, output: string, exit: { exitCode: number | null; signal: string | null }): Explanation {
  for (const [pattern, explanation] of KNOWN) if (pattern.test(output)) return explanation;
  // Ctrl-C at sudo's prompt: nothing follows the prompt but the echoed ^C.
  const afterPrompt = output.split(/\[sudo\] password for [^:]*:/).slice(1).pop();
  if (afterPrompt !== undefined && afterPrompt.replace(/\^C|\s/g, '') === '') return PROMPT_CLOSED;
  if (action.kind === 'enable-addon') {
    return {
      reason: `Enabling ${action.addon.split(':')[0]} failed (exit code ${exit.exitCode ?? exit.signal}).`,
      hint: 'Read the terminal output above for the cause, then retry; `microk8s inspect` collects more.',
    };
  }
  if (exit.signal) return { reason: `The command was ended by ${exit.signal}.`, hint: 'Retry the step.' };
  return { reason: `The command failed with exit code ${exit.exitCode}.`, hint: 'Read the terminal output above for the cause, then retry.' };
}
