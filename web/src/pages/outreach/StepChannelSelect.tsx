import { channelLabel } from "./PlaysPage";

type Channel = keyof typeof channelLabel;

/** A step's channel, as the step list and the branch tree both edit it. */
export function StepChannelSelect<C extends string>({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: C;
  disabled: boolean;
  onChange: (channel: C) => void;
}) {
  return (
    <select
      aria-label={`${label} channel`}
      disabled={disabled}
      value={value}
      onChange={(e) => onChange(e.target.value as C)}
    >
      {(Object.entries(channelLabel) as [Channel, string][]).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}
