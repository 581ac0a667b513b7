import { test, expect } from "@playwright/test";
import { field, saved, startEmpty } from "./helpers.mjs";

test("two tabs: clients added in each are kept, and an edit saved in one tab shows in the other at once", async ({ context }) => {
  const one = await context.newPage();
  await startEmpty(one);
  const two = await context.newPage();
  await two.goto("/");

  await field(one, "Name or code").fill("From tab one");
  await one.getByRole("button", { name: "New client" }).click();
  await field(two, "Name or code").fill("From tab two");
  await two.getByRole("button", { name: "New client" }).click();
  await two.getByRole("link", { name: "All clients" }).click();
  // Tab two learned of tab one's client, and its own save kept it in the index.
  await expect(two.getByRole("link", { name: /From tab one/ })).toBeVisible();
  await expect(two.getByRole("link", { name: /From tab two/ })).toBeVisible();
  await one.reload();
  await one.getByRole("link", { name: "All clients" }).click();
  await expect(one.getByRole("link", { name: /From tab two/ })).toBeVisible();

  // The same session open in both tabs.
  await one.getByRole("link", { name: /From tab one/ }).click();
  await one.getByRole("button", { name: "New session" }).click();
  await field(one, "Notes").fill("Written in tab one.");
  await saved(one);
  await two.goto(one.url());
  await expect(field(two, "Notes")).toHaveValue("Written in tab one.");

  await field(one, "Notes").fill("Written in tab one, then more.");
  await saved(one);
  // Nothing waits to be written in tab two, so it simply follows.
  await expect(field(two, "Notes")).toHaveValue("Written in tab one, then more.");
  await expect(two.getByRole("alert", { name: "Changed in another tab" })).toHaveCount(0);
});
