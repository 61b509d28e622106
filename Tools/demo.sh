#!/usr/bin/env bash
# The demo: a dealer database with a few thousand generated customers, then a short tour of real commands.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug}
DEMO=${DEMO:-demo}
export AFTERSALES_DB="$DEMO/dealer.sqlite"
export AFTERSALES_NOW="${AFTERSALES_NOW:-$(date +%Y-%m-%dT%H:%M:%S%z | sed 's/\(..\)$/:\1/')}"
rm -rf "$DEMO" && mkdir -p "$DEMO"

# The tour speaks the language of the run: $AFTERSALES_LANG, else Chinese (the demo's database is zh, so the commands
# speak it too). Each title is written in both: say "中文" "English" prints the one of the run.
TOUR_LANG="${AFTERSALES_LANG:-zh}"
case $TOUR_LANG in en*|EN*) TOUR_LANG=en ;; *) TOUR_LANG=zh ;; esac
say() { if [ "$TOUR_LANG" = en ]; then t=$2; else t=$1; fi; printf '\n\033[1m%s\033[0m\n' "$t"; }
# A line of the tour's own, in the language of the run.
note() { if [ "$TOUR_LANG" = en ]; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi; }
# Prints an argument as a shell needs it, so every command shown can be copied and run as it stands.
quote() {
  case $1 in
    ''|*[[:space:]\"\'\$\;\&\|\<\>\(\)\{\}\*\?\!\#\~\\\`]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}
run() { printf '\n$ aftersales'; for a in "$@"; do printf ' '; quote "$a"; done; printf '\n'; "$BIN/aftersales" "$@"; }

say "1. 新建数据库，从旧系统迁入 3,000 位客户（随机生成，种子 7）" \
  "1. A new database and 3,000 customers moved in from the old system (generated, seed 7)"
"$BIN/aftersales" init >/dev/null
# The staff first: every owner the generated cards name must be a current staff member (C-10).
"$BIN/aftersales-demo-data" staff --db "$AFTERSALES_DB"
"$BIN/aftersales-demo-data" csv --customers "${DEMO_CUSTOMERS:-3000}" --seed 7 --now "$AFTERSALES_NOW" > "$DEMO/customers.csv"
run import-customers "$DEMO/customers.csv"
"$BIN/aftersales-demo-data" history --db "$AFTERSALES_DB" --seed 7 --now "$AFTERSALES_NOW"

say "2. 再次导入同一文件：什么都不变" \
  "2. Importing the same file again changes nothing"
run import-customers "$DEMO/customers.csv" --quiet

say "3. 按姓名、电话、车牌或车架号（VIN）查找客户" \
  "3. Find a customer by name, phone, plate or VIN"
run customer search 王 --limit 5
run customer search 138-0000-0000
FIRST=$("$BIN/aftersales" customer list --class retained --limit 1 --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
run customer show "$FIRST"

say "4. 新车主：建档、登记车辆、交车、变更客户分类——关怀计划（C-7）随之生成" \
  "4. A new owner: card, vehicle, delivery, class move — the care plan (C-7) appears"
run customer add --name 周晓梅 --phone 13988887777 --class intention --reason "试驾速腾后有意向" --owner 张伟 --region 北京 --address "北京市海淀区中关村大街1号"
# Delivered yesterday: "today 10:30" is still in the future in the dealer's zone (UTC+8) early in the UTC day.
NEW=$("$BIN/aftersales" customer search 13988887777 --format csv | sed -n 2p | cut -d, -f1)
run vehicle add --customer "$NEW" --vin LFV2A21K3N3000123 --plate 京N·88888 --make Volkswagen --model Sagitar --model-year 2027 --usage private --delivered-at "$(date -d yesterday +%Y-%m-%d) 10:30"
run customer move "$NEW" --to retained --reason "购买速腾"

say "5. 保修：厂家召回文件到店；每个判定都说明理由（W-1..W-8、L-2）" \
  "5. Warranty: a manufacturer recall file arrives; every answer says why (W-1..W-8, L-2)"
cat > "$DEMO/recall.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
  <Bulletins>
    <Bulletin number="RC-2026-017" kind="recall" revision="1" issued="2026-10-12">
      <Title>前制动软管可能磨损</Title>
      <Component>制动系统</Component>
      <Summary>前制动软管可能与悬架部件摩擦</Summary>
      <Consequence>制动液泄漏, 制动力下降</Consequence>
      <Remedy>检查并更换前制动软管</Remedy>
      <Applies>
        <Model make="Volkswagen" name="Sagitar" yearFrom="2022" yearTo="2027"/>
        <VinRange from="LFV2A21K0N3000001" to="LFV2A21K0N3099999"/>
      </Applies>
      <Labour code="47 11 19 00" hours="1.2"/>
      <Part number="5Q0 611 701 C" quantity="2"/>
    </Bulletin>
  </Bulletins>
  <LabourOperations>
    <LabourOperation code="47 11 19 00" make="Volkswagen" hours="1.2"><Description>更换前制动软管（两侧）</Description></LabourOperation>
    <LabourOperation code="01 10 00 00" make="Volkswagen" hours="0.8"><Description>常规保养：更换机油及机油滤清器</Description></LabourOperation>
    <LabourOperation code="87 00 00 00" make="Volkswagen" hours="1.0"><Description>空调系统检查及加注制冷剂</Description></LabourOperation>
  </LabourOperations>
  <Parts>
    <Part number="5Q0 611 701 C" price="128.50" currency="CNY"><Name>前制动软管</Name></Part>
  </Parts>
</ManufacturerData>
XML
printf '\n$ aftersales-import %s\n' "$DEMO/recall.xml"
"$BIN/aftersales-import" "$DEMO/recall.xml"
# The manufacturer's monthly data: bulletins with national VIN lists, labour catalogue, parts, terms, vehicles.
"$BIN/aftersales-demo-data" manufacturer-xml --megabytes 3 --out "$DEMO/manufacturer-2026-11.xml" >/dev/null
gzip -f "$DEMO/manufacturer-2026-11.xml"
printf '\n$ aftersales-import %s\n' "$DEMO/manufacturer-2026-11.xml.gz"
"$BIN/aftersales-import" "$DEMO/manufacturer-2026-11.xml.gz" 2>&1 | grep -v "^warning" || true
printf '\n$ aftersales-import %s   # %s\n' "$DEMO/manufacturer-2026-11.xml.gz" "$(note "再导入一次同一文件" "the same file again")"
"$BIN/aftersales-import" "$DEMO/manufacturer-2026-11.xml.gz" 2>&1 | tail -1
run imports list
run warranty check LFV2A21K3N3000123 --mileage 1200
OLD=$("$BIN/aftersales" customer show 1 --format json | python3 -c 'import json,sys; v=json.load(sys.stdin)["vehicles"]; print(v[0]["vin"] if v else "")')
[ -n "$OLD" ] && run warranty check "$OLD"
run vehicle show LFV2A21K3N3000123
# The recall's work list: our customers' cars it applies to, whom to call and whether they take SMS.
run bulletin affected RC-2026-017 --open --limit 5
# The recall work done on 周晓梅's car, claimed from the catalogue's hours and prices (Q-1) under the bulletin (W-6).
run claim create LFV2A21K3N3000123 --mileage 1200 --failure "前制动软管与悬架摩擦" --cause "召回 RC-2026-017" \
  --bulletin RC-2026-017 --labour "47 11 19 00" --part "5Q0 611 701 C:2" --repair-order RO-2026-0001 --line 1
run claim export --csv-bom no

say "6. 客服今天要处理的：到期任务（C-7）和数据检查（C-10）" \
  "6. What customer service works through today: due tasks (C-7) and the checks (C-10)"
run tasks due --assignee 张伟
run checks list departed-staff lapsed-contact --limit 5

say "7. 投诉（K-1..K-14）：半年的投诉记录，再现场处理一单" \
  "7. Complaints (K-1..K-14): half a year of them, then one handled live"
"$BIN/aftersales-demo-data" complaints --db "$AFTERSALES_DB" --seed 7 --now "$AFTERSALES_NOW"
run complaints overdue
run complaints escalate-due --actor cron
run complaints escalate-due --actor cron
run complaints add --customer "$NEW" --vin LFV2A21K3N3000123 --channel phone --received-by 李娜 --category repair-technique --description "新车刹车有异响" --wish explanation-apology
CASE=$("$BIN/aftersales" complaints list --limit 1 --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
"$BIN/aftersales" complaints contact "$CASE" --callback "技术总监今天下午回电" >/dev/null
run complaints route "$CASE" --advisor 王丽
run complaints report

say "8. 客户关系：客户群、营销活动、营销许可与发送上限、发到短信文件和邮箱、提醒" \
  "8. CRM: a segment, a campaign, consent and the cap, delivery to an SMS file and a mailbox, reminders"
run segment preview --filter "class = retained and make = Volkswagen"
run segment create retained-vw --filter "class = retained and make = Volkswagen"
note "（接着为前 40 位保有客户登记短信营销许可：\`aftersales consent set ID --channel sms --status opt-in --source 到店登记表\`）" \
  "(then, for the first 40 retained customers: aftersales consent set ID --channel sms --status opt-in --source 到店登记表)"
for id in $("$BIN/aftersales" customer list --class retained --limit 40 --format csv --csv-bom no 2>/dev/null | sed 1d | cut -d, -f1); do
  "$BIN/aftersales" consent set "$id" --channel sms --status opt-in --source "到店登记表" >/dev/null
done
run campaign create winter-check --segment retained-vw --channel sms --category marketing --template "尊敬的{{name}}{{title}}：冬季免费检测，您的{{vehicle}}（{{plate}}）欢迎到店。{{dealer}}"
run campaign run winter-check --dry-run
run campaign run winter-check
run campaign run winter-check
run outbox deliver --campaign winter-check --sms-csv "$DEMO/sms.csv"
printf '\n$ head -3 %s\n' "$DEMO/sms.csv"
head -3 "$DEMO/sms.csv"
# Two more marketing SMS campaigns in the same month: the third message to a customer is over the cap (M-3).
for name in new-year spring-check; do
  "$BIN/aftersales" campaign create "$name" --segment retained-vw --channel sms --category marketing --template "{{name}}您好：{{dealer}}新春活动，欢迎到店。" >/dev/null
done
"$BIN/aftersales" campaign run new-year >/dev/null
note "（new-year 和 spring-check 也这样创建；new-year 刚为每位客户排入 30 天内的第二条营销短信，" \
  "(new-year and spring-check are created the same way; new-year has just queued each customer's second marketing SMS"
note " 所以 spring-check 会是第三条：超过上限 2 条，M-3）" \
  " in 30 days, so spring-check would be the third: over the cap of 2, M-3)"
run campaign run spring-check
run campaign create service-mail --segment retained-vw --channel email --category service --subject "{{name}}{{title}}，冬季营业时间" --template "尊敬的{{name}}{{title}}：本店冬季营业时间为8:30-17:30。{{dealer}}" >/dev/null
run campaign run service-mail >/dev/null
run outbox deliver --campaign service-mail --mbox "$DEMO/out.mbox"
run reminders run
run campaign report winter-check

say "9. 错误输入被拒绝，什么都不写入" \
  "9. Bad input is refused and nothing is written"
run vehicle add --customer "$NEW" --vin LFV2A21K3N3000123 --make Volkswagen --model Jetta --usage private || note "（退出状态 $?）" "(exit status $?)"
run customer move "$NEW" --to potential --reason "试试" || note "（退出状态 $?）" "(exit status $?)"
run complaints close "$CASE" --process satisfied --result satisfied || note "（退出状态 $?）" "(exit status $?)"

say "10. 谁改了什么：审计日志" \
  "10. Who changed what: the audit log"
run audit --limit 6

say "11. 服务前台的一天：三张维修委托书，从接车到交车（A-6、Q-1..Q-8、W-6..W-9、L-10）" \
  "11. A day at the service desk: three repair orders from reception to delivery (A-6, Q-1..Q-8, W-6..W-9, L-10)"
# The workshop: a technician and the shop foreman who dispatches the jobs (Q-2).
"$BIN/aftersales" staff add 刘强 --role technician >/dev/null
"$BIN/aftersales" staff add 赵磊 --role shop-foreman >/dev/null
note "（车间：技师 刘强、车间主管 赵磊：\`aftersales staff add 刘强 --role technician\`）" \
  "(the workshop: technician 刘强 and shop foreman 赵磊: aftersales staff add 刘强 --role technician)"
# A command of the day shown with the first line it prints (the full sheet is shown where it matters).
brief() { printf '\n$ aftersales'; for a in "$@"; do printf ' '; quote "$a"; done; printf '\n'; "$BIN/aftersales" "$@" | sed -n 1p; }
# A command of the day shown without its output (the list below shows where it left the order).
quiet() { printf '\n$ aftersales'; for a in "$@"; do printf ' '; quote "$a"; done; printf '\n'; "$BIN/aftersales" "$@" >/dev/null; }
# Two more Volkswagens of the generated customers, delivered, with their latest reading: the day's other cars.
CARS=$(python3 - "$AFTERSALES_DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""SELECT v.vin, coalesce((SELECT max(kilometres) FROM mileage_reading m WHERE m.vehicle_id = v.id), 0)
  FROM vehicle v WHERE v.make = 'Volkswagen' AND v.delivered_at IS NOT NULL AND v.vin <> 'LFV2A21K3N3000123'
  ORDER BY v.id LIMIT 2""").fetchall()
print(" ".join(f"{vin}:{km}" for vin, km in rows))
PY
)
PROMISED="$(TZ=Asia/Shanghai date -d "$AFTERSALES_NOW + 6 hours" '+%Y-%m-%d %H:%M')"
note "上午：周晓梅的速腾到店，车上还有未完成的召回 RC-2026-017（W-6），接车时一并开出召回项目。" \
  "Morning: 周晓梅's Sagitar arrives with recall RC-2026-017 still open (W-6); the recall is added at reception."
run workorder open 京N·88888 --mileage 1500 --concern "刹车有异响" --fuel 60 --walk-around "右前门划痕" \
  --promised "$PROMISED" --advisor 王丽
ORDER1=$("$BIN/aftersales" workorder list --vin LFV2A21K3N3000123 --format csv --csv-bom no | sed -n 2p | cut -d, -f1)
brief workorder job "$ORDER1" --edit 1 --kind minor-repair --system brakes --component 制动系统 --finding "前刹车片有异物"
brief workorder line add "$ORDER1" --job 1 --kind other --code MATERIAL --price 60 --reason "制动盘清洁"
brief workorder job "$ORDER1" --title "召回 RC-2026-017：更换前制动软管" --kind minor-repair --system brakes \
  --component 制动系统
brief workorder line add "$ORDER1" --job 2 --kind labour --code "47 11 19 00" --payer warranty --bulletin RC-2026-017
brief workorder line add "$ORDER1" --job 2 --kind part --code "5Q0 611 701 C" --quantity 2 --payer warranty \
  --bulletin RC-2026-017
brief workorder quote "$ORDER1"
brief workorder approve "$ORDER1" --by 周晓梅 --via signature
for job in 1 2; do
  brief workorder dispatch "$ORDER1" --job "$job" --technician 刘强 --actor 赵磊
  brief workorder clock "$ORDER1" --job "$job" --technician 刘强
  brief workorder clock "$ORDER1" --job "$job" --technician 刘强 --off
  brief workorder qc "$ORDER1" --job "$job" --road-test 5 --actor 赵磊
done
note "结算：召回项目由厂家承担，生成索赔草稿（W-7），召回对该车关闭（W-6）。" \
  "Settlement: the manufacturer pays the recall lines, a claim draft is made from them (W-7), the recall closes (W-6)."
run workorder settle "$ORDER1" --payment wechat-pay
CLAIM=$("$BIN/aftersales" claim list --format csv --csv-bom no | grep "$ORDER1" | head -1 | cut -d, -f1)
run claim show "$CLAIM"
quiet workorder deliver "$ORDER1" --note "已说明召回及刹车检查结果"
note "打印维修竣工记录及结算单（L-10）：一页 A4，中文在前，客户签字后交一份给客户。" \
  "The repair record with its invoice (L-10), printed: one A4 page, Chinese first, a copy for the customer to sign."
brief workorder print "$ORDER1" --document record --out "$DEMO/$ORDER1-record.html"
note "已写入 $DEMO/$ORDER1-record.html（浏览器打开即可打印）。" \
  "Written to $DEMO/$ORDER1-record.html (open it in a browser to print)."

set -- $CARS
CAR2=${1%%:*}; KM2=$(( ${1##*:} + 3000 ))
CAR3=${2%%:*}; KM3=$(( ${2##*:} + 2500 ))
note "中午：两位老客户到店——一辆做常规保养，一辆空调不制冷。" \
  "Midday: two regular customers — one car for its maintenance, one whose air conditioning blows warm."
brief workorder open "$CAR2" --mileage "$KM2" --concern "常规保养" --promised "$PROMISED" --advisor 王丽
brief workorder open "$CAR3" --mileage "$KM3" --concern "空调不制冷" --promised "$PROMISED" --advisor 王丽
ORDER2=$("$BIN/aftersales" workorder list --vin "$CAR2" --format csv --csv-bom no | sed -n 2p | cut -d, -f1)
ORDER3=$("$BIN/aftersales" workorder list --vin "$CAR3" --format csv --csv-bom no | sed -n 2p | cut -d, -f1)
brief workorder job "$ORDER2" --edit 1 --kind first-level-maintenance --system other
brief workorder line add "$ORDER2" --job 1 --kind labour --code "01 10 00 00"
brief workorder line add "$ORDER2" --job 1 --kind other --code MATERIAL --price 268 --reason "机油 4L、机油滤清器"
brief workorder job "$ORDER3" --edit 1 --kind minor-repair --system other --component 空调
brief workorder line add "$ORDER3" --job 1 --kind labour --code "87 00 00 00"
brief workorder line add "$ORDER3" --job 1 --kind other --code MATERIAL --price 120 --reason "R134a 制冷剂"
for order in "$ORDER2" "$ORDER3"; do
  brief workorder quote "$order"
  brief workorder approve "$order" --by 车主 --via phone
  brief workorder dispatch "$order" --job 1 --technician 刘强 --actor 赵磊
  brief workorder clock "$order" --job 1 --technician 刘强
  brief workorder clock "$order" --job 1 --technician 刘强 --off
  brief workorder qc "$order" --job 1 --road-test 3 --actor 赵磊
  brief workorder settle "$order" --payment cash
  quiet workorder deliver "$order" --note "已交车并说明"
done
run workorder list --limit 5
note "服务经理的报表：本月至今，每项指标的定义见 Docs/workorders.md。" \
  "The service manager's numbers, this month so far; each figure is defined in Docs/workorders.md."
run workorder report

say "12. 车间产能：工位、技师的技能与班次、休假、服务顾问的接待能力（A-2）" \
  "12. The workshop's capacity: bays, technicians' skills and shifts, leave, advisors' reception (A-2)"
# The workshop of the appointment area (issue 18): 8 bays (B01-B05 general, Q01-Q02 quick service, A01 alignment),
# 8 technicians (刘强 and 7 more; 孙浩 on leave tomorrow), 3 service advisors (王丽, 杨帆, 高敏), and the skills of
# the tour's labour operations. Other parts' examples (offers, the board) book against it.
for name in 孙浩 周杰 吴涛 郑凯 冯刚 黄磊 何军; do "$BIN/aftersales" staff add "$name" --role technician >/dev/null; done
for name in 杨帆 高敏; do "$BIN/aftersales" staff add "$name" --role service-advisor >/dev/null; done
for bay in B01:general B02:general B03:general B04:general B05:general Q01:quick-service Q02:quick-service \
  A01:alignment; do
  "$BIN/aftersales" capacity set bay "${bay%%:*}" --kind "${bay##*:}" >/dev/null
done
run capacity set technician 刘强 --skills general,electrical --shift mon-fri=08:30-17:30 --shift sat=09:00-15:00
while read -r name skills shifts; do
  set -- $shifts
  args=(); for s in "$@"; do args+=(--shift "$s"); done
  "$BIN/aftersales" capacity set technician "$name" --skills "$skills" "${args[@]}" >/dev/null
done <<'TECH'
孙浩 general,high-voltage mon-fri=08:30-17:30
周杰 general,quick-service tue-sat=08:30-17:30
吴涛 quick-service,general sun-thu=09:00-18:00
郑凯 alignment,general mon-fri=08:30-17:30 sat=09:00-15:00
冯刚 body mon-fri=08:30-17:30
黄磊 general,electrical wed-sun=11:00-20:00
何军 quick-service,general fri-tue=11:00-20:00
TECH
TOMORROW=$(TZ=Asia/Shanghai date -d "$AFTERSALES_NOW + 1 day" +%Y-%m-%d)
run capacity set leave 孙浩 --from "$TOMORROW" --to "$TOMORROW" --reason 培训
run capacity set advisor 王丽 --arrivals 3 --shift mon-fri=08:30-17:30 --shift sat=09:00-15:00
"$BIN/aftersales" capacity set advisor 杨帆 >/dev/null
"$BIN/aftersales" capacity set advisor 高敏 --shift wed-sun=11:00-20:00 >/dev/null
"$BIN/aftersales" capacity set operation "01 10 00 00" --skill quick-service >/dev/null
run capacity set operation "87 00 00 00" --skill electrical
run capacity show --day "$TOMORROW"
# Appointments (issue 18, A-2): offers the workshop above can honour, and a booking made in the call (C-8).
note "预约（A-2）：按车间实际能力提供空闲时段；客户决定来店时，在同一次联系中预约（C-8）。" \
  "Appointments (A-2): free slots the workshop can honour; a customer who decides to come is booked in the same contact (C-8)."
run appointment offer --vin 京N·88888 --jobs "47 11 19 00"
# The first offered slot's arrival and advisor, for the next command.
first_slot() { "$BIN/aftersales" appointment offer "$@" --format json | python3 -c '
import json, sys
slot = json.load(sys.stdin)["slots"][0]
print(slot["arrival"], slot["advisor"], slot["bay"], slot["technician"], sep="\t")'; }
IFS=$'\t' read -r ARRIVAL ADVISOR _ _ < <(first_slot --vin 京N·88888 --jobs "47 11 19 00")
run contact log --customer "$NEW" --channel phone --direction inbound --outcome booked --vehicle 京N·88888 \
  --jobs "47 11 19 00" --arrival "$ARRIVAL" --advisor "$ADVISOR" --note "客户希望上午到店"
say "12. 预约：明天的三张清单、接车登记、主动邀约电话（A-4、A-5、A-6）" \
  "12. Appointments: tomorrow's three lists, check-in, the dealer's call list (A-4, A-5, A-6)"
# The service menu's parts (Q-1): the maintenance uses four litres of oil and a filter.
cat > "$DEMO/menu-parts.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
  <Parts>
    <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>机油滤清器</Name></Part>
    <Part number="G 052 195 M4" price="65.00" currency="CNY"><Name>机油 1L</Name></Part>
  </Parts>
</ManufacturerData>
XML
"$BIN/aftersales-import" "$DEMO/menu-parts.xml" >/dev/null
run appointment menu set "01 10 00 00" --part "G 052 195 M4=4" --part "06L 115 562 B=1"
"$BIN/aftersales" stock receive "G 052 195 M4" --quantity 6 --supplier-ref DN-DEMO >/dev/null
"$BIN/aftersales" settings set appointments.calls.maintenance-operation "01 10 00 00" >/dev/null
# Tomorrow's bookings (A-2): two cars due for maintenance take the first slots offered from 09:00 (one with a noise
# to look at); a third car takes the first slot from now and is checked in below; a fourth customer's preferred time,
# when no offered slot suits, is a request.
read -r LOW1 LOW2 LOW3 < <(python3 - "$AFTERSALES_DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(*[vin for (vin,) in db.execute("""SELECT v.vin FROM vehicle v WHERE v.make = 'Volkswagen'
  AND v.vin <> 'LFV2A21K3N3000123' AND v.delivered_at IS NOT NULL
  AND coalesce((SELECT max(kilometres) FROM mileage_reading m WHERE m.vehicle_id = v.id), 0) < 25000
  ORDER BY v.id LIMIT 3""")])
PY
)
book_first() { # VIN, the work's options: books the first slot offered (from --after when given)
  local vin=$1; shift
  IFS=$'\t' read -r arrival advisor bay technician < <(first_slot --vin "$vin" "$@")
  local work=(); for a in "$@"; do [ "$a" = --after ] && break; work+=("$a"); done
  run appointment book --vin "$vin" "${work[@]}" --arrival "$arrival" --advisor "$advisor" --bay "$bay" \
    --technician "$technician"
}
book_first "$LOW1" --jobs "01 10 00 00" --after "$TOMORROW 09:00"
book_first "$LOW2" --jobs "01 10 00 00" --description "右后轮异响检查" --hours 0.5 --after "$TOMORROW 09:00"
book_first "$LOW3" --jobs "01 10 00 00"
NOW_BOOKING=$("$BIN/aftersales" appointment list --format json | python3 -c '
import json, sys
page = json.load(sys.stdin)
print(max(item["number"] for item in (page["items"] if isinstance(page, dict) else page)))')
run appointment book --vin "$LOW1" --jobs "47 11 19 00" \
  --preferred "$(TZ=Asia/Shanghai date -d "$AFTERSALES_NOW + 7 days" +%Y-%m-%d) 10:00" --note "客户希望周末上午到店"
run appointment list
run appointment day-before
AP3_KM=$(python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); print((db.execute(\"SELECT coalesce(max(kilometres),0) FROM mileage_reading m JOIN appointment a ON a.vehicle_id = m.vehicle_id WHERE a.number='$NOW_BOOKING'\").fetchone()[0] or 0) + 4800)" "$AFTERSALES_DB")
run appointment check-in "$NOW_BOOKING" --mileage "$AP3_KM" --fuel 40 --walk-around "左后门轻微划痕"
run appointment calls --limit 5
# The welcome board (issue 18): the page of tomorrow's booked arrivals, as /board serves it to the reception's screen.
say "欢迎看板：明天预约到店的客户（只显示姓氏和称呼、遮挡的车牌、服务顾问和进度）" \
  "The welcome board: tomorrow's booked arrivals (surname and title, masked plate, advisor, progress)"
run board --day "$TOMORROW" --out "$DEMO/welcome-board.html"
note "接待区大屏：创建一个看板令牌，然后在大屏的浏览器里打开 http://127.0.0.1:8080/board?token=<令牌>" \
  "The reception's screen: create a board token, then open http://127.0.0.1:8080/board?token=<token> on its browser"
printf '$ %s/aftersales token create --role board --name 前台看板 --db %s\n' "$BIN" "$AFTERSALES_DB"

say "API" \
  "The API"
if [ "$TOUR_LANG" = en ]; then
cat <<TXT
Create a token and start the API against the demo database:
$ $BIN/aftersales token create --role service-advisor --name 前台-王丽 --db $AFTERSALES_DB
$ $BIN/aftersales-api --db $AFTERSALES_DB --port 8080
$ curl -H "Authorization: Bearer <token>" "http://127.0.0.1:8080/v1/customers/search?q=%E7%8E%8B"
The API description is served at http://127.0.0.1:8080/openapi.yaml (also Docs/openapi.yaml).

To run the commands shown above yourself, in this shell:
$ export PATH="$PWD/$BIN:\$PATH" AFTERSALES_DB="$PWD/$AFTERSALES_DB"
or install them for good (see the README):
$ sudo make install
TXT
else
cat <<TXT
创建一个令牌，然后在演示数据库上启动 API：
$ $BIN/aftersales token create --role service-advisor --name 前台-王丽 --db $AFTERSALES_DB
$ $BIN/aftersales-api --db $AFTERSALES_DB --port 8080
$ curl -H "Authorization: Bearer <token>" "http://127.0.0.1:8080/v1/customers/search?q=%E7%8E%8B"
API 说明见 http://127.0.0.1:8080/openapi.yaml（也在 Docs/openapi.yaml）。
API 默认按 Accept-Language 作答（zh-CN 或 en），JSON 的键和枚举值始终是英文。

要在这个终端里自己运行上面的命令：
$ export PATH="$PWD/$BIN:\$PATH" AFTERSALES_DB="$PWD/$AFTERSALES_DB"
或者一次装好（见 README）：
$ sudo make install
英文界面：AFTERSALES_LANG=en，或在命令后加 --lang en。
TXT
fi
