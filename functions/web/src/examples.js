// The product page's examples, pointed at this server. The token stays out of the page: it is read from
// the environment, where the user put it.
export function examples(origin) {
  const api = `${origin}/api/v1/ocr/`;
  return [
    {
      name: 'cURL',
      code: `# 1. Submit
curl -X POST ${api} \\
  -H "Authorization: Bearer $OCRCHAT_TOKEN" \\
  -F "file=@invoice.pdf" -F "tier=vlm"

# 2. Poll  (use the uuid from step 1)
curl ${api}UUID/ \\
  -H "Authorization: Bearer $OCRCHAT_TOKEN"

# 3. Download
curl -L "${api}UUID/download/?format=md" \\
  -H "Authorization: Bearer $OCRCHAT_TOKEN" -o result.md`,
    },
    {
      name: 'Python',
      code: `import os, requests, time

API = "${api}"
H = {"Authorization": "Bearer " + os.environ["OCRCHAT_TOKEN"]}

with open("invoice.pdf", "rb") as f:
    job = requests.post(API, headers=H,
        files={"file": f}, data={"tier": "vlm"}).json()

while job["status"] in ("pending", "processing"):
    time.sleep(2)
    job = requests.get(API + job["uuid"] + "/", headers=H).json()

print(job["markdown"])`,
    },
    {
      name: 'Node.js',
      code: `import fs from "fs";

const API = "${api}";
const H = { Authorization: "Bearer " + process.env.OCRCHAT_TOKEN };

const form = new FormData();
form.append("file", new Blob([fs.readFileSync("invoice.pdf")]), "invoice.pdf");
form.append("tier", "vlm");

let job = await (await fetch(API, { method: "POST", headers: H, body: form })).json();
while (["pending", "processing"].includes(job.status)) {
  await new Promise(r => setTimeout(r, 2000));
  job = await (await fetch(API + job.uuid + "/", { headers: H })).json();
}
console.log(job.markdown);`,
    },
  ];
}
