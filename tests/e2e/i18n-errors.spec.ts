// Messages about typed values follow the page's language: core's errors are shown from
// the catalog (vi.txt, fetched when Vietnamese is chosen), not as English Display text.

import { test, expect } from "./fixtures";
import { siteUrl } from "./site";

test.describe("field errors in Vietnamese", () => {
  test("a bad device IP on the Cards screen", async ({ page }) => {
    await page.goto(siteUrl("cards/?lang=vi"));
    await page.getByRole("button", { name: "Thêm thiết bị" }).click();
    const device = page.locator("article.device").last();
    await device.getByLabel("Tên thiết bị").fill("Máy in tầng 2");
    await device.getByLabel("Phương thức gửi").selectOption("relay-ip");
    await device.getByLabel("Địa chỉ người gửi (From)").fill("scanner@contoso.com");
    const ip = device.getByLabel("IP công cộng mà thiết bị dùng để gửi thư");
    await ip.fill("300.1.2.3");
    await expect(ip).toHaveAttribute("aria-invalid", "true");
    await expect(device.locator(`#${await ip.getAttribute("aria-describedby")}`)).toHaveText(
      '"300.1.2.3" không phải là địa chỉ IPv4; hãy nhập bốn số từ 0 đến 255, cách nhau bằng dấu chấm, ví dụ 203.0.113.25',
    );
  });

  test("a bad domain in the DNS check", async ({ page }) => {
    await page.goto(siteUrl("check/?lang=vi"));
    await page.getByLabel("Tên miền email").fill("bad_name.com");
    await page.getByRole("button", { name: "Chạy kiểm tra" }).click();
    await expect(page.locator("#domain-error")).toHaveText(
      'không được dùng ký tự \'_\' trong tên miền (nhãn "bad_name")',
    );
  });

  // Import errors are typed in core and worded on the page: no English parser text.
  for (const { name, file, message } of [
    {
      name: "a malformed JSON file",
      file: '{\n  "version": 1,\n  "devices": [}\n',
      message: "tệp không phải là JSON hợp lệ: lỗi ở dòng 3, cột 15",
    },
    {
      name: "a file with an unknown field",
      file: '{"version": 1, "devices": [{"name": "Máy in tầng 2"}, {"name": "x", "password": "hunter2"}]}',
      message:
        'đây không phải là danh sách thiết bị của smarthost: thiết bị 2: trường "password" không có trong định dạng danh sách',
    },
  ]) {
    test(`an import of ${name} on the Cards screen`, async ({ page }) => {
      await page.goto(siteUrl("cards/?lang=vi"));
      await page.getByText("Nhập danh sách thiết bị (JSON hoặc TOML)").click();
      await page.getByLabel("Hoặc chọn một tệp đã xuất").setInputFiles({
        name: "devices.json",
        mimeType: "application/json",
        buffer: Buffer.from(file, "utf8"),
      });
      await expect(page.locator(".import [role=status]")).toHaveText(message);
      await expect(page.locator("article.device")).toHaveCount(0);
    });
  }
});
