// `npm run screenshot`: the README's picture, taken in Debian's Chromium from the built app on the
// simulated `busy` cluster. Writes docs/screenshot.png (light), docs/screenshot-dark.png, and the
// Workloads (a deployment's detail) and Check-up screens as docs/screenshot-workloads.png and
// docs/screenshot-checkup.png.
import { startSimulator } from '../../main/simulator';
import { launchChromium } from '../e2e/support/browser';
import { startWebHostProcess } from '../e2e/support/web-host-process';

async function main(): Promise<void> {
  const sim = await startSimulator({ scenario: 'busy' });
  const host = await startWebHostProcess(['--kubeconfig', sim.kubeconfigPath, '--context', 'microk8s']);
  const browser = await launchChromium();
  try {
    for (const [colorScheme, file] of [
      ['light', 'docs/screenshot.png'],
      ['dark', 'docs/screenshot-dark.png'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, colorScheme });
      await page.goto(host.url);
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Pods' }).click();
      await page.getByRole('row').nth(12).waitFor();
      // Let AGE and the restart counters move off their first second.
      await page.waitForTimeout(4_000);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
    // The day-two and check-up screens, light only.
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, colorScheme: 'light' });
    await page.goto(host.url);
    const screens = page.getByRole('navigation', { name: 'Screens' });
    await screens.getByRole('button', { name: 'Workloads' }).click();
    await page.getByRole('row', { name: /frontend/ }).first().click();
    await page.getByTestId('detail-pane').waitFor();
    await page.waitForTimeout(3_000);
    await page.screenshot({ path: 'docs/screenshot-workloads.png' });
    console.log('wrote docs/screenshot-workloads.png');
    await screens.getByRole('button', { name: 'Check-up' }).click();
    await page.getByText(/overall/i).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2_000);
    await page.screenshot({ path: 'docs/screenshot-checkup.png' });
    console.log('wrote docs/screenshot-checkup.png');
    await page.close();
  } finally {
    await browser.close();
    await host.stop();
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
