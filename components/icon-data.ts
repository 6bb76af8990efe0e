// The drawings of the icons that server components draw themselves (components/icon.tsx).
import * as arrowDown from "lucide-react/icons/arrow-down";
import * as arrowUp from "lucide-react/icons/arrow-up";
import * as arrowUpDown from "lucide-react/icons/arrow-up-down";
import * as chevronFirst from "lucide-react/icons/chevron-first";
import * as chevronLast from "lucide-react/icons/chevron-last";
import * as chevronLeft from "lucide-react/icons/chevron-left";
import * as chevronRight from "lucide-react/icons/chevron-right";
import * as mail from "lucide-react/icons/mail";
import * as messageCircle from "lucide-react/icons/message-circle";
import { iconData } from "@/components/icon";

export const ICON = {
  arrowDown: iconData(arrowDown),
  arrowUp: iconData(arrowUp),
  arrowUpDown: iconData(arrowUpDown),
  chevronFirst: iconData(chevronFirst),
  chevronLast: iconData(chevronLast),
  chevronLeft: iconData(chevronLeft),
  chevronRight: iconData(chevronRight),
  mail: iconData(mail),
  messageCircle: iconData(messageCircle),
};
