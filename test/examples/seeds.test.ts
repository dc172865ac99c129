/**
 * Each seed policy in shared/seeds/ must come out of the build with every fact and
 * commitment it states. One test per seed, on the real built pages of organizations/.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, buildSite, japaneseText, readPage, visibleText } from "../helpers/site.js";

let site: string;
const en = async (slug: string) => visibleText(await readPage(site, `${slug}/en`));
const ja = async (slug: string) => japaneseText(await readPage(site, `${slug}/ja`));

beforeAll(async () => {
  site = await buildSite(path.join(REPO, "organizations"));
});
afterAll(() => rm(site, { recursive: true, force: true }));

function expectAll(text: string, facts: string[]): void {
  const missing = facts.filter((fact) => !text.includes(fact));
  expect(missing, "facts missing from the page").toEqual([]);
}

describe("seed 000 — NPO Multicultural Symbiotic Support Center", () => {
  it("states every purpose, exception, request and contact detail in English", async () => {
    expectAll(await en("tabunka-center"), [
      "NPO Multicultural Symbiotic Support Center",
      "receives your personal information when you make an inquiry",
      "Answering inquiries",
      "Sending documents",
      "keep personal data accurate and up to date",
      "Protection of personal information from unauthorized access, tampering, leakage",
      "Where the person has consented in advance",
      "Where it is based on laws and regulations",
      "protection of the life, body or property of an individual",
      "improving public health or promoting the sound growth of children",
      "cooperate with a state organ, a local government",
      "To handle and protect the personal information properly",
      "Not to disclose or provide the personal information to any third party",
      "Not to use the personal information for any purpose other than the entrusted work",
      "Providing personal information is voluntary",
      "we may be unable to fulfil the purposes of use",
      "Notification of the purposes of use",
      "Disclosure",
      "Correction, addition or deletion of the content",
      "Suspension of use, erasure, or stopping provision to third parties",
      "Information security management officer",
      "〒107-0052 4-11-21 Akasaka, Minato-ku, Tokyo",
      "Phone: 03-6277-6166",
      "Reception hours: 10:00–18:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)",
    ]);
  });

  it("renders the reception hours and contact in Japanese as the brief specifies", async () => {
    expectAll(await ja("tabunka-center"), [
      "特定非営利活動法人多文化共生支援センター",
      "受付時間 10:00〜18:00（土日祝日・当センター休業日を除く）",
      "情報セキュリティ管理責任者",
      "〒107-0052 東京都港区赤坂4-11-21",
      "お問い合わせへの回答",
      "資料の送付",
      "法令に基づく場合",
    ]);
  });
});

describe("seed 001 — Tokyo Metropolitan Small Business Center", () => {
  it("keeps the date, the grouped purposes, the exceptions, the contract terms and the officer", async () => {
    expectAll(await en("tokyo-small-business-center"), [
      "Enacted April 1, 2006",
      "Personal Data Management Rules",
      "Information Executive Responsibility person",
      "Information of registered firms and associations",
      "Disclosure on our website",
      "Providing to trade inquiries",
      "Mutual communication on updating registered records",
      "Invitation to various meetings and lecture classes we sponsor",
      "Personal information we obtain at meetings and lecture classes",
      "we state, notify or publish the purposes",
      "Where the person has consented in advance",
      "Where it is based on laws and regulations",
      "information already made public through publications, news reports",
      "protection of the life, body or property",
      "Information processing such as data entry",
      "Not to use the personal information for any purpose other than the entrusted work",
      "To return or erase the personal information when the work is finished",
      "To compensate for damage in case of a breach of the contract",
      "Our Information Executive Responsibility person responds appropriately and promptly to complaints",
    ]);
  });

  it("writes the enactment date in era form in Japanese", async () => {
    expectAll(await ja("tokyo-small-business-center"), ["制定日平成18年4月1日", "「個人情報管理規程」を定め", "情報管理責任者"]);
  });
});

describe("seed 002 — The Genron NPO", () => {
  it("keeps the forms, items, purposes, exceptions, SSL, improvement and contact", async () => {
    const text = await en("genron-npo");
    expectAll(text, [
      "Privacy Policies",
      "values our webpage users' personal information",
      "only through the following means",
      "Membership Registration Form",
      "Volunteer Registration Form",
      "Opinions / Feedback / Questions Form",
      "Registration Form for our e-mail magazines",
      "Registration Form for our campaigns",
      "Questionnaire Forms",
      "Name",
      "Phone or fax number",
      "Occupation",
      "We do not collect more personal information than the purposes of use require",
      "Evaluating our webpage content and improving our web services",
      "Where the person has consented in advance",
      "entrusting all or part of its handling",
      "Where it is based on laws and regulations",
      "Distributing e-mails",
      "To keep the personal information confidential to the same degree as we do",
      "To conform to our management guidelines",
      "We comply with the Act on the Protection of Personal Information",
      "We also educate our directors and staff",
      "We continuously review and improve",
      "protected by SSL/TLS encryption",
      "Correction, addition or deletion of the content",
      "Department of Privacy Protection, The Genron NPO Office",
      "Phone: 03-3548-0511",
      "Reception hours: 9:00–17:30 (excluding Saturdays and Sundays)",
      "contact form on our website",
    ]);
    expect(text).not.toContain("is a translation");
  });

  it("says on the Japanese page that the English text is authoritative", async () => {
    expectAll(await ja("genron-npo"), ["この日本語版は参考のための翻訳です", "英語版が正本", "受付時間 9:00〜17:30（土日を除く）"]);
  });
});

describe("seed 004 — Japanese Institute for Public Engagement", () => {
  it("keeps all eighteen commitments", async () => {
    expectAll(await en("ji4pe"), [
      "Enacted September 2020",
      "“personal information” means information about a living individual",
      "Applications for a study course or event",
      "Date of birth",
      "To use contact information and names to inform and contact users",
      "to bill and invoice them",
      "event insurance",
      "spare them entering information again",
      "refuse the use of users who have violated the terms of use",
      "to respond to inquiries from users",
      "Purposes incidental to the purposes above",
      "If we change the purposes of use, we notify",
      "We acquire personal information by lawful and fair means",
      "keep personal data accurate and up to date",
      "We review and improve these measures",
      "Appointment of a manager of personal information",
      "Periodic internal audits",
      "To display the most appropriate content on our website",
      "Cookies do not contain information that identifies you as an individual",
      "protected by SSL/TLS encryption",
      "we supervise them as necessary and appropriate",
      "select contractors recognized as handling personal information properly",
      "we use it only to perform the entrusted work",
      "Where the person has consented in advance",
      "make the corrections needed",
      "alternative measures necessary to protect the person's rights and interests",
      "complaints about our handling of personal information",
      "We also educate our directors and staff",
      "the guidelines of the Personal Information Protection Commission",
      "establish and follow the internal rules",
      "Changes may be made without individual notice",
      "takes effect when it is posted on this website",
    ]);
  });

  it("writes the month-only date in era form in Japanese", async () => {
    expectAll(await ja("ji4pe"), ["制定日令和2年9月", "当研究所は"]);
  });
});
