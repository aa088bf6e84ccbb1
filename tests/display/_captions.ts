// Reads the figure captions of a display's HTML back as plain text, and the caption the dead
// neuron charts must carry (written out here, not imported, so that the tests check its words).

/** The text of each `<figcaption>` in `html`, in order, without markup, its entities read back. */
export function captionsOf(html: string): string[] {
  return [...html.matchAll(/<figcaption[^>]*>(.*?)<\/figcaption>/gs)].map(([, text]) =>
    text.replace(/<[^>]+>/g, "").replace(/&(lt|gt|quot|#39|amp);/g, (_, name) => ENTITIES[name])
  );
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" };

/** The caption under every chart of dead neurons. */
export const DEAD_CAPTION =
  "A neuron counts as dead when its pre-activation z is ≤ 0 on every input. A ReLU neuron then " +
  "passes no gradient back, nor does a Leaky ReLU or ELU one at α = 0; at α > 0 they still do, " +
  "as PReLU neurons and RReLU ones with upper > 0 do, so they can recover.";
