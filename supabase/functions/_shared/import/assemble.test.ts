import assert from "node:assert/strict";
import { bodyFromHtml, skillsOf, withExtraSections } from "./assemble.ts";
import { fixtureDictionary } from "./fixtures.ts";

const dictionary = fixtureDictionary();

Deno.test("bodyFromHtml: description, requirements, responsibilities, nice-to-haves", () => {
  const body = bodyFromHtml(
    "<p>We make robots.</p><h3>What you'll do</h3><ul><li>Write Go</li></ul><h3>Requirements</h3><ul><li>Python</li></ul><h3>Nice to have</h3><ul><li>Rust</li></ul><h3>Benefits</h3><p>Kafka swag</p>",
  );
  assert.equal(body.requirements, "- Python");
  assert.equal(body.responsibilities, "- Write Go");
  assert.equal(body.preferred, "- Rust");
  assert.match(body.description ?? "", /^We make robots\.\n\nWhat you'll do/);
  assert.doesNotMatch(body.core ?? "", /Rust|Kafka/, "core leaves out nice-to-haves and benefits");
});

Deno.test("skillsOf: required from requirements (plus explicit), preferred from nice-to-haves", () => {
  const body = bodyFromHtml(
    "<p>Our stack: Kafka.</p><h3>Requirements</h3><ul><li>Python and PostgreSQL</li></ul><h3>Nice to have</h3><ul><li>Rust, Python</li></ul>",
  );
  const skills = skillsOf(dictionary, body, ["k8s", "Leadership"]);
  assert.deepEqual(skills.required, ["Kubernetes", "Leadership", "Python", "PostgreSQL"]);
  assert.deepEqual(skills.preferred, ["Rust"], "a skill already required is not preferred too");
});

Deno.test("skillsOf: without a requirements section, everything but nice-to-haves counts", () => {
  const body = bodyFromHtml("<p>You will use Docker and Terraform daily.</p><p><b>Bonus</b></p><p>CUDA</p>");
  assert.deepEqual(skillsOf(dictionary, body), { required: ["Docker", "Terraform"], preferred: ["CUDA"] });
});

Deno.test("withExtraSections: separate lists join the body in their kinds", () => {
  const body = withExtraSections(bodyFromHtml("<p>Intro</p>"), [
    { heading: "Requirements", kind: "requirements", text: "- Go" },
    { heading: "Nice to have", kind: "preferred", text: "- Rust" },
    { heading: null, kind: "other", text: "" },
  ]);
  assert.equal(body.description, "Intro\n\nRequirements\n- Go\n\nNice to have\n- Rust");
  assert.equal(body.requirements, "- Go");
  assert.equal(body.preferred, "- Rust");
});
