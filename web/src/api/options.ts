import { useQuery } from "@tanstack/react-query";
import { client, data } from "./client";

/** Runs, lists, sequences and senders as filter options, from the same cache entries their pages use. */
export const useRunOptions = () =>
  useQuery({ queryKey: ["/api/runs"], queryFn: () => data(client.GET("/api/runs")) }).data ?? [];
export const useListOptions = () =>
  useQuery({ queryKey: ["/api/lists"], queryFn: () => data(client.GET("/api/lists")) }).data ?? [];
export const useSequenceOptions = () =>
  useQuery({ queryKey: ["/api/sequences"], queryFn: () => data(client.GET("/api/sequences")) }).data ?? [];
export const useSenderOptions = () =>
  useQuery({ queryKey: ["/api/sender-accounts"], queryFn: () => data(client.GET("/api/sender-accounts")) })
    .data ?? [];
