// Bolt's listeners of the tutor: every request acknowledged at once, then handed to the
// interactions of the workspace it came from.
import type { App, Context } from "@slack/bolt";
import { BUTTON_PREFIX, FORM_CALLBACK } from "./slack-actions.ts";
import type { SlackInteractions } from "./slack-interactions.ts";

/**
 * Registers slash commands, the tutor's buttons, submitted forms and the Home tab on `app`.
 * `workspace` gives the interactions of the request's workspace from Bolt's context (one fixed
 * workspace, or the one whose installation Bolt's `authorize` found).
 */
export function registerSlackHandlers(app: App, workspace: (context: Context) => SlackInteractions): void {
  app.command(/^\/.+/, async ({ ack, body, context }) => {
    await ack();
    const interactions = workspace(context);
    interactions.run(body.command, interactions.interactionId(body.trigger_id), () => interactions.command(body));
  });
  app.action({ type: "block_actions", action_id: new RegExp(`^${BUTTON_PREFIX}`) }, async ({ ack, body, action, context }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const interactions = workspace(context);
    interactions.run("button", interactions.interactionId(body.trigger_id), () => interactions.button(body, action.value));
  });
  app.view(FORM_CALLBACK, async ({ ack, body, context }) => {
    // Closes the modal; the answer arrives where the button was.
    await ack();
    const interactions = workspace(context);
    const trigger = (body as { trigger_id?: string }).trigger_id;
    interactions.run("form", trigger ? interactions.interactionId(trigger) : undefined, () => interactions.submit(body));
  });
  app.event("app_home_opened", async ({ event, body, context }) => {
    if (event.tab !== "home") return;
    const interactions = workspace(context);
    interactions.run("home", interactions.interactionId(body.event_id), () => interactions.openHome(event.user));
  });
}
