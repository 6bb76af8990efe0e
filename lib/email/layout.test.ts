import { describe, expect, it } from "vitest";
import { appUrl, env } from "@/lib/env";
import { renderEmail } from "@/lib/email/layout";

const brand = { name: "Cake & Co <Ltd>", color: "#123abc" };

/** The paragraphs of the mail's body, as HTML. */
const paragraphsOf = (html: string) => [...html.matchAll(/<p style="margin:0 0 16px;line-height:1.5">([\s\S]*?)<\/p>/g)].map((match) => match[1]);

describe("renderEmail", () => {
  it("keeps the subject and escapes it in the HTML title", () => {
    const mail = renderEmail({ subject: 'Quote "Q-1" <ready> & more', body: "Hi" }, brand);
    expect(mail.subject).toBe('Quote "Q-1" <ready> & more');
    expect(mail.html).toContain("<title>Quote &quot;Q-1&quot; &lt;ready&gt; &amp; more</title>");
  });

  it("escapes every HTML-special character of the body", () => {
    const mail = renderEmail({ subject: "s", body: `<script>alert('x')</script> & "quoted"` }, brand);
    expect(mail.html).not.toContain("<script>");
    expect(paragraphsOf(mail.html)).toEqual(["&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"]);
  });

  it("splits paragraphs on blank lines (even with spaces in them) and keeps single line breaks", () => {
    const mail = renderEmail({ subject: "s", body: "\n\nFirst line\nsecond line\n\n  \nSecond paragraph\n\n\n\nThird  \n\n" }, brand);
    expect(paragraphsOf(mail.html)).toEqual(["First line<br>second line", "Second paragraph", "Third"]);
    expect(mail.text.startsWith("First line\nsecond line\n\nSecond paragraph\n\nThird\n\n")).toBe(true);
  });

  it("turns links into anchors in the brand colour", () => {
    const mail = renderEmail({ subject: "s", body: "See https://shop.example/q/abc?x=1&y=2 and http://other.example/ too" }, brand);
    expect(paragraphsOf(mail.html)).toEqual([
      'See <a href="https://shop.example/q/abc?x=1&amp;y=2" style="color:#123abc">https://shop.example/q/abc?x=1&amp;y=2</a> and ' +
        '<a href="http://other.example/" style="color:#123abc">http://other.example/</a> too',
    ]);
  });

  it("does not make anchors of other schemes or of text that only looks like a link", () => {
    const mail = renderEmail({ subject: "s", body: "javascript:alert(1) ftp://files.example www.example.com" }, brand);
    expect(mail.html).not.toContain("<a ");
  });

  it("cannot be broken out of by a quote or angle bracket in a link", () => {
    const mail = renderEmail({ subject: "s", body: 'https://evil.example/"onmouseover="alert(1)<b>x</b>' }, brand);
    expect(mail.html).not.toContain('"onmouseover="');
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain('<a href="https://evil.example/&quot;onmouseover=&quot;alert(1" style="color:#123abc">');
  });

  it("shows the brand's name (escaped) and colour", () => {
    const mail = renderEmail({ subject: "s", body: "Hi" }, brand);
    expect(mail.html).toContain("Cake &amp; Co &lt;Ltd&gt;</td>");
    expect(mail.html).not.toContain("Cake & Co <Ltd>");
    expect(mail.html).toContain("border-top:4px solid #123abc");
    expect(mail.html).toContain("color:#123abc\">Cake");
    expect(mail.text.endsWith("— Cake & Co <Ltd>")).toBe(true);
  });

  it("uses the configured business by default", () => {
    const mail = renderEmail({ subject: "s", body: "Hi" });
    expect(mail.html).toContain(env.BUSINESS_BRAND_COLOR);
    expect(mail.text).toBe(`Hi\n\n— ${env.BUSINESS_NAME}`);
  });

  it("adds the action as a button in HTML and as a line in the text", () => {
    const mail = renderEmail({ subject: "s", body: "Hi", action: { label: "Accept <now>", url: "https://shop.example/q/a?b=1&c=2" } }, brand);
    expect(mail.html).toContain(
      '<a href="https://shop.example/q/a?b=1&amp;c=2" style="background:#123abc;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">Accept &lt;now&gt;</a>',
    );
    expect(mail.text).toBe("Hi\n\nAccept <now>: https://shop.example/q/a?b=1&c=2\n\n— Cake & Co <Ltd>");
  });

  it("shows the logo beside the name, from an absolute URL, as decoration", () => {
    const mail = renderEmail({ subject: "s", body: "Hi" }, { ...brand, logoUrl: "https://shop.example/logo.png?v=1&x" });
    expect(mail.html).toMatch(/<img src="https:\/\/shop.example\/logo.png\?v=1&amp;x" width="40" height="40" alt="" [^>]*>Cake &amp; Co/);
    expect(renderEmail({ subject: "s", body: "Hi" }).html).toContain(`<img src="${appUrl}/logo.png"`);
  });

  it("tells the customer how to reach the business when it has said how", () => {
    const both = renderEmail({ subject: "s", body: "Hi" }, { ...brand, contact: { email: "hello@cake.example", phone: "+27 21 555 0100" } });
    expect(both.text).toBe("Hi\n\nQuestions? Just reply to this email or call +27 21 555 0100.\n\n— Cake & Co <Ltd>");
    expect(both.html).toContain("Questions? Just reply to this email or call +27 21 555 0100.</p>");
    expect(renderEmail({ subject: "s", body: "Hi" }, { ...brand, contact: { phone: "021 555 0100" } }).text).toContain("Questions? Just call 021 555 0100.");
    expect(renderEmail({ subject: "s", body: "Hi" }, { ...brand, contact: {} }).text).not.toContain("Questions?");
  });

  it("has no button without an action", () => {
    const mail = renderEmail({ subject: "s", body: "Hi" }, brand);
    expect(mail.html).not.toContain("display:inline-block");
    expect(mail.text).toBe("Hi\n\n— Cake & Co <Ltd>");
  });
});
