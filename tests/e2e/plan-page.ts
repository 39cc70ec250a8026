// Shared steps of the planner's specs: answer the current question, go on, open the
// ranking, and find a method's card.
import { expect, type Page } from "@playwright/test";

/** Answers the current question by its visible label. */
export async function answer(page: Page, label: string | RegExp) {
  await page.locator("fieldset").getByLabel(label, { exact: typeof label === "string" }).check();
}

export async function next(page: Page, name = "Next") {
  await page.getByRole("button", { name, exact: true }).click();
}

export async function ranking(page: Page) {
  await page.getByRole("button", { name: "See the ranking" }).click();
  await expect(page.getByRole("heading", { name: "Your ranking" })).toBeFocused();
}

export const recommended = (page: Page) => page.locator('.method-result[data-verdict="recommended"]');

export const method = (page: Page, id: string) => page.locator(`.method-result[data-method="${id}"]`);

/** Fixes the browser's clock at midday UTC of `day`, before the page loads. */
export async function on(page: Page, day: string) {
  await page.clock.setFixedTime(new Date(`${day}T12:00:00Z`));
}

/** The planner's words the specs click or read, per language. */
export const WORDS = {
  en: {
    next: "Next",
    back: "Back",
    results: "See the ranking",
    rankingHeading: "Your ranking",
    device: "A device (printer, scanner, appliance)",
    gccHigh: "GCC High",
    external: "Also people outside my organisation",
    unknown: "I don't know",
    recipientsQuestion: "Who receives the mail?",
    cloudQuestion: "Which Microsoft 365 cloud is your tenant in?",
    recapTitle: "Your answers",
    change: "Change answers",
    recommended: "Recommended",
    possible: "Possible",
    notPossible: "Not possible",
    cardLink: "Make a card for this method",
    checkLink: "Check my domain's DNS for this method",
    cardsHeading: "Device config cards",
    checkHeading: "Check your domain's DNS",
    methodLabel: "Sending method",
    compareTitle: "Compare the ways to send",
  },
  vi: {
    next: "Tiếp theo",
    back: "Quay lại",
    results: "Xem xếp hạng",
    rankingHeading: "Kết quả xếp hạng",
    device: "Thiết bị (máy in, máy quét, thiết bị chuyên dụng)",
    gccHigh: "GCC High",
    external: "Cả người bên ngoài tổ chức của chúng tôi",
    unknown: "Tôi không biết",
    recipientsQuestion: "Ai nhận thư?",
    cloudQuestion: "Tenant của bạn thuộc môi trường đám mây Microsoft 365 nào?",
    recapTitle: "Câu trả lời của bạn",
    change: "Sửa câu trả lời",
    recommended: "Khuyến nghị",
    possible: "Khả thi",
    notPossible: "Không khả thi",
    cardLink: "Tạo thẻ cấu hình cho phương thức này",
    checkLink: "Kiểm tra DNS tên miền của tôi cho phương thức này",
    cardsHeading: "Thẻ cấu hình thiết bị",
    checkHeading: "Kiểm tra DNS của tên miền",
    methodLabel: "Phương thức gửi",
    compareTitle: "So sánh các phương thức gửi thư",
  },
} as const;

export type Lang = keyof typeof WORDS;
export const LANGS: Lang[] = ["en", "vi"];
