// Flopscope web — a click that arrives with the pointer's first move onto an item.
//
// When the page is idle, the browser's move, down and up of a quick click all reach ImGui before the
// next frame. ImGui 1.90.1's input trickling then applies the move and the press in the same frame (it
// splits them only for touch screens), so an item is pressed in the frame it is first hovered. Items
// that allow overlap — every tab of a tab bar — are hoverable only when they were hovered in the frame
// before, and such a press is lost. Holding the press back by one frame after a move gives every item
// the hover it needs, which is what ImGui does for touch (issue #2702).
#pragma once

namespace flopscope::web::press_after_move {

// Before ImGui::NewFrame(): if the queue holds a pointer move followed by a button press, takes the
// press and everything after it out of the queue.
void hold_back();

// After ImGui::NewFrame() (the queue's first part has been applied): puts the held events back, after
// any the frame left over; they are applied from the next frame on (the loop keeps running while the
// queue is not empty).
void release();

} // namespace flopscope::web::press_after_move
